package dev.migstatus.docspace;

/** The endpoints migstatus reads, under the portal's address; the simulated portal serves the same. */
public final class MigrationApi {

    public static final String STATUS_PATH = "api/2.0/migration/status";
    public static final String LOGS_PATH = "api/2.0/migration/logs";

    private MigrationApi() {
    }
}
