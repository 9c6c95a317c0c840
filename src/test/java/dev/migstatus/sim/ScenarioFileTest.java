package dev.migstatus.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scenario files as a team writes them: every kind of frame, read, written and read again. */
class ScenarioFileTest {

    /** A file using every member a frame can have. */
    static final String EVERY_KIND = """
            {
              "description": "Every kind of frame",
              "frames": [
                {"at": "0s", "noMigration": true},
                {"at": "250ms", "status": {"progress": 0, "error": "", "isCompleted": false}, "log": ["started"]},
                {"at": "1.5s", "update": {"progress": 27.5, "parseResult": {"operation": "parse", "files": null}},
                 "generateUsers": 3},
                {"at": "2s", "fault": "502"},
                {"at": "3s", "fault": "429", "retryAfter": 2},
                {"at": "4s", "fault": "429"},
                {"at": "5s", "fault": "reset"},
                {"at": "6s", "fault": "503"},
                {"at": "7s", "fault": "504"},
                {"at": "2m", "update": {"isCompleted": true}, "log": ["done", "O'Brien \\u00e1"]}
              ]
            }
            """;

    private static Scenario roundTrip(Scenario scenario) throws IOException, ScenarioException {
        StringWriter written = new StringWriter();
        ScenarioWriter.write(scenario, written);
        return ScenarioReader.read(new StringReader(written.toString()));
    }

    @ParameterizedTest
    @EnumSource(BuiltInScenario.class)
    void everyBuiltInScenarioRoundTrips(BuiltInScenario builtIn) throws Exception {
        Scenario scenario = builtIn.load();
        assertEquals(scenario, roundTrip(scenario));
        assertTrue(!scenario.description().isEmpty(), "the README's table needs a description");
    }

    @Test
    void aFileWithEveryKindOfFrameRoundTrips(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("mine.json"), EVERY_KIND);
        Scenario scenario = ScenarioReader.read(file);

        assertEquals(10, scenario.frames().size());
        assertEquals(Duration.ofMillis(1500), scenario.frames().get(2).at());
        assertEquals(Duration.ofMinutes(2), scenario.length());
        assertEquals(new Answer.Fault(FaultKind.TOO_MANY_REQUESTS, 2), scenario.frames().get(4).answer());
        Answer.Update update = assertInstanceOf(Answer.Update.class, scenario.frames().get(2).answer());
        assertEquals(3, update.generateUsers());
        assertTrue(update.changes().getAsJsonObject("parseResult").get("files").isJsonNull(), "a null in an update is kept: it removes");
        assertEquals(List.of("done", "O'Brien á"), scenario.frames().get(9).log());

        Scenario again = roundTrip(scenario);
        assertEquals(scenario, again);
        Path rewritten = dir.resolve("again.json");
        try (var out = Files.newBufferedWriter(rewritten)) {
            ScenarioWriter.write(again, out);
        }
        assertEquals(scenario, ScenarioReader.read(rewritten));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"frames\":[{\"at\":\"0s\",\"noMigration\":true},{\"at\":\"1s\",\"stauts\":{}}]} | frame 2: unknown member \"stauts\"",
        "{\"frames\":[{\"at\":\"2s\",\"noMigration\":true},{\"at\":\"1s\",\"noMigration\":true}]} | frame 2: at 1s comes before the previous frame's 2s",
        "{\"frames\":[{\"at\":\"0s\",\"noMigration\":true,\"fault\":\"502\"}]} | frame 1: give exactly one of",
        "{\"frames\":[{\"at\":\"0s\"}]} | frame 1: give exactly one of",
        "{\"frames\":[{\"noMigration\":true}]} | frame 1: \"at\" is missing",
        "{\"frames\":[{\"at\":\"soon\",\"noMigration\":true}]} | frame 1: \"at\": \"soon\" is not a time",
        "{\"frames\":[{\"at\":\"0s\",\"fault\":\"418\"}]} | frame 1: \"fault\" must be one of",
        "{\"frames\":[{\"at\":\"0s\",\"fault\":\"502\",\"retryAfter\":1}]} | frame 1: \"retryAfter\" goes with \"fault\": \"429\" only",
        "{\"frames\":[{\"at\":\"0s\",\"status\":[]}]} | frame 1: \"status\" must be an object",
        "{\"frames\":[{\"at\":\"0s\",\"noMigration\":true,\"generateUsers\":5}]} | frame 1: \"generateUsers\" goes with",
        "{\"frames\":[{\"at\":\"0s\",\"status\":{},\"generateUsers\":1.5}]} | frame 1: \"generateUsers\" must be a whole number",
        "{\"frames\":[{\"at\":\"0s\",\"noMigration\":true,\"log\":\"one line\"}]} | frame 1: \"log\" must be an array of strings",
        "{\"frames\":[{\"at\":\"0s\",\"noMigration\":true,\"log\":[\"x\"]}]} | frame 1: \"log\" cannot go with \"noMigration\"",
        "{\"frames\":[{\"at\":\"0s\",\"status\":{},\"generatedAs\":\"selected\"}]} | frame 1: \"generatedAs\" goes with \"generateUsers\"",
        "{\"frames\":[{\"at\":\"0s\",\"status\":{},\"generateUsers\":2,\"generatedAs\":\"chosen\"}]} | frame 1: \"generatedAs\" goes with",
        "{\"server\":\"2.0\",\"frames\":[{\"at\":\"0s\",\"noMigration\":true}]} | \"server\": DocSpace before 2.5.0 serves no migration API",
        "{\"server\":\"latest\",\"frames\":[{\"at\":\"0s\",\"noMigration\":true}]} | \"server\": \"latest\" is not a DocSpace version",
        "{\"server\":3.6,\"frames\":[{\"at\":\"0s\",\"noMigration\":true}]} | \"server\" must be a string such as \"3.6\"",
        "{\"frames\":[{\"at\":\"0s\",\"status\":{\"progress\":\"x\"}}]} | frame 1: \"progress\" must be a number from 0 to 100 (found \"x\")",
        "{\"frames\":[{\"at\":\"0s\",\"status\":{\"progress\":101}}]} | frame 1: \"progress\" must be a number from 0 to 100 (found 101)",
        "{\"frames\":[{\"at\":\"0s\",\"status\":{}},{\"at\":\"1s\",\"update\":{\"isCompleted\":\"yes\"}}]} | frame 2: \"isCompleted\" must be true or false",
        "{\"frames\":[{\"at\":\"0s\",\"status\":{\"error\":null}}]} | frame 1: \"error\" must be a string (found null)",
        "{\"frames\":[{\"at\":\"0s\",\"status\":{\"parseResult\":{\"operation\":\"import\"}}}]} | frame 1: \"parseResult.operation\" must be \"parse\" or \"migration\"",
        "{\"frames\":[{\"at\":\"0s\",\"status\":{\"parseResult\":{\"failedUsers\":-1}}}]} | frame 1: \"parseResult.failedUsers\" must be a whole number, 0 or more",
        "{\"frames\":[{\"at\":\"0s\",\"status\":{\"parseResult\":{\"users\":[{\"email\":42}]}}}]} | frame 1: \"parseResult.users[0].email\" must be a string (found 42)",
        "{\"frames\":[{\"at\":\"0s\",\"status\":{\"parseResult\":{\"users\":[{\"userType\":7}]}}}]} | frame 1: \"parseResult.users[0].userType\" must be a user type's name",
        "{\"frames\":[{\"at\":\"0s\",\"status\":{\"parseResult\":{\"users\":[{\"migratingFiles\":{\"filesCount\":1.5}}]}}}]} | frame 1: \"parseResult.users[0].migratingFiles.filesCount\" must be a whole number",
        "{\"frames\":[{\"at\":\"0s\",\"status\":{\"parseResult\":{\"errors\":[\"ok\",3]}}}]} | frame 1: \"parseResult.errors[1]\" must be a string (found 3)",
        "{\"frames\":[{\"at\":\"0s\",\"status\":{\"parseResult\":{\"groups\":[\"Sales\"]}}}]} | frame 1: \"parseResult.groups[0]\" must be an object",
        "{\"frames\":[]} | \"frames\" must be an array of at least one frame",
        "[1, 2] | expected an object with \"frames\"",
        "{\"frames\": [ | not JSON",
    })
    void aBrokenFileSaysWhichFrameAndWhy(String json, String expected) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.read(new StringReader(json)));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void unknownMembersAndRemovalsPassAsWritten() throws Exception {
        Scenario scenario = ScenarioReader.read(new StringReader("{\"frames\": ["
                + "{\"at\": \"0s\", \"status\": {\"progress\": 1, \"progressStatus\": \"odd\","
                + " \"parseResult\": {\"users\": [{\"userType\": 2}]}}},"
                + "{\"at\": \"1s\", \"update\": {\"error\": null, \"parseResult\": {\"migratorName\": null}}}]}"));
        assertEquals(2, scenario.frames().size(), "an unknown member, a user type as old clients wrote it, removals");
    }

    @Test
    void theServerReleaseAndHowMadeUpUsersAreListedRoundTrip() throws Exception {
        Scenario scenario = ScenarioReader.read(new StringReader("""
                {"server": "3.6", "frames": [
                  {"at": "0s", "status": {"progress": 0, "isCompleted": false}, "generateUsers": 2, "generatedAs": "selected"},
                  {"at": "1s", "update": {}, "generateUsers": 2, "generatedAs": "migrated"},
                  {"at": "2s", "update": {}, "generateUsers": 2}]}
                """));
        assertEquals(new ServerVersion(3, 6, 0), scenario.server());
        assertEquals(GeneratedAs.SELECTED, ((Answer.Status) scenario.frames().get(0).answer()).generatedAs());
        assertEquals(GeneratedAs.MIGRATED, ((Answer.Update) scenario.frames().get(1).answer()).generatedAs());
        assertEquals(GeneratedAs.PARSED, ((Answer.Update) scenario.frames().get(2).answer()).generatedAs());
        assertEquals(scenario, roundTrip(scenario));
        assertEquals(ServerVersion.NEWEST, ScenarioReader.read(new StringReader(EVERY_KIND)).server(), "the newest when not named");
    }

    @Test
    void aMissingFileIsOneLine(@TempDir Path dir) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.read(dir.resolve("nope.json")));
        assertEquals("no such file", e.getMessage());
    }
}
