package dev.migstatus.model;

/** What the server counted in one user's share of the archive. */
public record MigratingFiles(long foldersCount, long filesCount, long bytesTotal) {

    public static final MigratingFiles NONE = new MigratingFiles(0, 0, 0);
}
