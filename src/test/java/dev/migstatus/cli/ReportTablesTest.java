package dev.migstatus.cli;

import dev.migstatus.testing.CliRun;
import dev.migstatus.testing.CliRun.Result;
import dev.migstatus.testing.Fixtures;
import dev.migstatus.testing.Portal;
import dev.migstatus.text.DisplayWidth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static dev.migstatus.testing.Portal.fixture;
import static dev.migstatus.testing.Portal.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tables at the end of a watch, read as a terminal of a given width shows them. */
class ReportTablesTest {

    private static final String KEY = "sk-feedfacefeedfacefeedface";

    @RegisterExtension
    static final Portal portal = Portal.sharedByTheClass();

    /** A finished migration of users whose names take two columns a character, or an emoji. */
    private static String wideNames() {
        String user = "{\"key\":\"%s\",\"email\":\"%s\",\"displayName\":\"%s\",\"userType\":\"%s\","
                + "\"migratingFiles\":{\"foldersCount\":1,\"filesCount\":%d,\"bytesTotal\":%d}}";
        String users = String.join(",",
                String.format(user, "k1", "yamada.taro@example.jp", "山田太郎", "RoomAdmin", 1234, 104857600L),
                String.format(user, "k2", "launch@example.com", "🚀 Launch Team", "User", 7, 2048),
                String.format(user, "k3", "ann@example.com", "Ann", "Guest", 0, 0));
        return Fixtures.envelope("{\"progress\":100,\"error\":\"\",\"isCompleted\":true,\"parseResult\":{\"migratorName\":\"Nextcloud\","
                + "\"operation\":\"migration\",\"users\":[" + users + "],\"groups\":[],\"successedUsers\":3,\"failedUsers\":0,"
                + "\"errors\":[]}}");
    }

    /** The lines of the users table: its header to the blank line after it. */
    private static List<String> usersTable(String out) {
        List<String> lines = out.lines().toList();
        int start = lines.indexOf(lines.stream().filter(l -> l.startsWith("Users (")).findFirst().orElseThrow()) + 1;
        List<String> table = new ArrayList<>();
        for (int i = start; i < lines.size() && !lines.get(i).isEmpty(); i++) {
            table.add(lines.get(i));
        }
        return table;
    }

    @ParameterizedTest
    @ValueSource(ints = {40, 50, 60, 80, 200})
    void everyTableLineFitsTheTerminal(int columns) {
        portal.status(json(wideNames()));
        Result r = new CliRun().terminal(columns).watch(portal, KEY, "--no-color");
        assertEquals(0, r.exitCode(), r.all());
        List<String> table = usersTable(r.out());
        assertEquals(4, table.size(), r.out());
        for (String line : table) {
            assertTrue(DisplayWidth.of(line) <= columns, columns + " columns: '" + line + "' is " + DisplayWidth.of(line));
        }
        // The last column is right-aligned numbers or cut text; either way the header's columns line up.
        int status = DisplayWidth.of(table.get(0).substring(0, table.get(0).indexOf("STATUS")));
        for (String line : table.subList(1, table.size())) {
            int at = line.indexOf("imported");
            assertEquals(status, DisplayWidth.of(line.substring(0, at)), "STATUS lines up in '" + line + "'");
        }
    }

    /** Not only the users: every table and list after the summary sentence fits 40 columns. */
    @Test
    void everyKindOfTableFitsFortyColumns() {
        String longName = "Ζωή Παπαδοπούλου-Κωνσταντινίδου 🚀 Επιτροπή";
        portal.status(json(Fixtures.envelope("{\"progress\":100,\"error\":\"\",\"isCompleted\":true,\"parseResult\":{"
                + "\"migratorName\":\"Nextcloud\",\"operation\":\"parse\","
                + "\"users\":[" + user("zoe.papadopoulou-konstantinidou@example.gr", longName, "User", 12, 123456789) + "],"
                + "\"withoutEmailUsers\":[{\"key\":\"nextcloud-user-with-a-very-long-identifier-0001\",\"displayName\":\"" + longName
                + "\",\"userType\":\"User\"}],"
                + "\"existUsers\":[" + user("existing.person.with.long.address@example.com", longName, "DocSpaceAdmin", 0, 0) + "],"
                + "\"groups\":[{\"groupName\":\"" + longName + " and friends of the project\",\"userUidList\":[\"a\",\"b\"]}],"
                + "\"errors\":[\"zoe.papadopoulou-konstantinidou@example.gr - Couldn't read the calendar export of this user\"],"
                + "\"failedArchives\":[\"nextcloud-export-2026-11-27-part-0001-of-0002.zip\"]}}")));
        Result r = new CliRun().terminal(40).watch(portal, KEY, "--no-color");
        assertEquals(1, r.exitCode(), r.all());
        List<String> afterSentence = r.out().lines().dropWhile(l -> !l.contains("Parse finished")).skip(1).toList();
        for (String title : List.of("Users (1)", "Users without e-mail (1)", "Existing users (1)", "Groups (1)", "Errors (1)",
                "Failed archives (1)")) {
            assertTrue(afterSentence.contains(title), title + " in " + r.out());
        }
        for (String line : afterSentence) {
            assertTrue(DisplayWidth.of(line) <= 40, "'" + line + "' is " + DisplayWidth.of(line) + " columns of 40");
        }
    }

    @Test
    void narrowTerminalsDropFilesThenSizeThenType() {
        portal.status(json(wideNames()));
        assertEquals("NAME            E-MAIL                  STATUS    TYPE       FILES       SIZE",
                usersTable(new CliRun().terminal(200).watch(portal, KEY, "--no-color").out()).get(0));
        String at70 = usersTable(new CliRun().terminal(70).watch(portal, KEY, "--no-color").out()).get(0);
        assertTrue(at70.contains("STATUS    TYPE") && at70.endsWith("SIZE") && !at70.contains("FILES"), at70);
        assertTrue(usersTable(new CliRun().terminal(60).watch(portal, KEY, "--no-color").out()).get(0).endsWith("STATUS    TYPE"));
        String at40 = usersTable(new CliRun().terminal(40).watch(portal, KEY, "--no-color").out()).get(0);
        assertTrue(at40.startsWith("NAME") && at40.contains("E-MAIL") && at40.endsWith("STATUS"), at40);
    }

    @Test
    void titlesAndCountsHaveThousandsSeparators() {
        portal.status(json(wideNames()));
        Result r = new CliRun().terminal(200).watch(portal, KEY, "--no-color");
        assertTrue(r.out().contains("1,234"), r.out());
    }

    /**
     * DocSpace takes a user it could not import out of {@code users} (the failed-users scenario plays
     * that); one still listed, as in the without-e-mail and existing lists, is marked and comes first.
     */
    @Test
    void failedUsersAreMarkedAndListedFirst() {
        portal.status(json(Fixtures.envelope("{\"progress\":100,\"error\":\"\",\"isCompleted\":true,\"parseResult\":{"
                + "\"migratorName\":\"GoogleWorkspace\",\"operation\":\"migration\",\"users\":["
                + user("john.doe@example.com", "John Doe", "RoomAdmin", 17, 5242880) + ","
                + user("mary.major@example.com", "Mary Major", "User", 4, 81920) + ","
                + user("bad.user@example.com", "Bad &amp; Broken User", "User", 2, 2048) + "],"
                + "\"successedUsers\":2,\"failedUsers\":1,\"errors\":[\"bad.user@example.com - Couldn't import user\"]}}")));
        Result r = new CliRun().watch(portal, KEY, "--no-color");
        assertEquals(1, r.exitCode(), r.all());
        List<String> table = usersTable(r.out());
        assertEquals("NAME               E-MAIL                  STATUS    TYPE       FILES      SIZE", table.get(0));
        assertEquals("Bad & Broken User  bad.user@example.com    failed    User           2   2.0 KiB", table.get(1));
        assertEquals("John Doe           john.doe@example.com    imported  RoomAdmin     17   5.0 MiB", table.get(2));
    }

    private static String user(String email, String name, String type, int files, long bytes) {
        return "{\"key\":\"" + email + "\",\"email\":\"" + email + "\",\"displayName\":\"" + name + "\",\"userType\":\"" + type
                + "\",\"migratingFiles\":{\"foldersCount\":1,\"filesCount\":" + files + ",\"bytesTotal\":" + bytes + "}}";
    }

    @Test
    void failedUsersTheListsDoNotHoldAreCountedBelowThem() {
        portal.status(fixture("migration-completed-with-failures"));
        Result r = new CliRun().watch(portal, KEY);
        assertEquals(1, r.exitCode(), r.all());
        assertTrue(r.out().contains("1 failed user is not in the lists above; see the errors below"), r.out());
        assertEquals(2, r.out().lines().filter(l -> l.contains("  imported  ")).count(), "2 imported of 2 listed: " + r.out());
    }

    @Test
    void theSummarySaysWhatWasTolerated() {
        portal.status(fixture("migration-completed-with-failures"));
        Result r = new CliRun().watch(portal, KEY, "--max-failed-users", "1", "--allow-errors");
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.out().contains("Migration completed: 2 users imported, 1 failed, 2 errors;"
                + " tolerated: 1 failed user (--max-failed-users 1), 2 errors (--allow-errors)"), r.out());
    }

    @Test
    void aParseHasNoStatusColumn() {
        portal.status(fixture("parse-completed"));
        Result r = new CliRun().watch(portal, KEY, "--no-color");
        assertFalse(r.out().contains("STATUS"), r.out());
    }
}
