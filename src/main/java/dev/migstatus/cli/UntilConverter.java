package dev.migstatus.cli;

import dev.migstatus.watch.Until;

/** {@code --until completed|migrated}. */
final class UntilConverter extends LowercaseEnumConverter<Until> {
    UntilConverter() {
        super(Until.class);
    }

    static final class Candidates extends LowercaseEnumConverter.Candidates<Until> {
        Candidates() {
            super(Until.class);
        }
    }
}
