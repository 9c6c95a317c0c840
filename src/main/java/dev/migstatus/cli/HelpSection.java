package dev.migstatus.cli;

/** An options class that is shown under its own heading in {@code --help}. */
interface HelpSection {

    String heading();
}
