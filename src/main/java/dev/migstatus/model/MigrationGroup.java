package dev.migstatus.model;

import java.util.List;

/** A group found in the archive; {@code userUidList} holds user keys. */
public record MigrationGroup(String groupName, String moduleName, List<String> userUidList) {

    public MigrationGroup {
        userUidList = userUidList == null ? List.of() : List.copyOf(userUidList);
    }
}
