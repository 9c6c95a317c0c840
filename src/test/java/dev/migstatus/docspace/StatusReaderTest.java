package dev.migstatus.docspace;

import dev.migstatus.model.MigrationStatus;
import dev.migstatus.model.MigrationUser;
import dev.migstatus.model.Operation;
import dev.migstatus.render.report.JsonReport;
import dev.migstatus.render.report.StatusJson;
import dev.migstatus.testing.Fixtures;

import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The streaming reader, pinned: each fixture must read into exactly the model recorded in
 * fixtures/normalized, so a faster parser cannot quietly read something else.
 */
class StatusReaderTest {

    private static Envelope read(String body) throws IOException {
        return StatusReader.read(new StringReader(body));
    }

    private static String normalized(MigrationStatus status) throws IOException {
        StringWriter out = new StringWriter();
        JsonWriter json = JsonReport.newWriter(out);
        StatusJson.write(json, status);
        json.flush();
        return out.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"parse-queued", "parse-running", "parse-completed", "parse-failed", "unknown-migrator-failed",
        "migration-running", "migration-completed-with-failures", "migration-completed-clean", "names-hostile",
        "parse-completed-no-users"})
    void readsEachFixtureAsPinned(String name) throws IOException {
        Envelope envelope = read(Fixtures.body(name));
        assertTrue(envelope.recognized());
        assertFalse(envelope.isError());
        String expected = Fixtures.body("normalized/" + name);
        assertEquals(JsonParser.parseString(expected), JsonParser.parseString(normalized(envelope.status())), name);
    }

    @Test
    void envelopeWithoutResponseMeansNoMigration() throws IOException {
        Envelope envelope = read(Fixtures.body("no-migration"));
        assertTrue(envelope.recognized());
        assertNull(envelope.status());
        assertFalse(envelope.isError());
    }

    @Test
    void nullResponseMeansNoMigrationToo() throws IOException {
        assertNull(read("{\"response\":null,\"status\":0,\"statusCode\":200}").status());
    }

    @Test
    void errorEnvelopeCarriesItsMessageAndCode() throws IOException {
        Envelope envelope = read(Fixtures.body("error-403-not-admin"));
        assertTrue(envelope.isError());
        assertEquals(403, envelope.statusCode());
        assertEquals("Access denied", envelope.errorMessage());
    }

    @Test
    void jsonWithoutTheEnvelopeIsNotRecognized() throws IOException {
        assertFalse(read("{\"progress\":5}").recognized());
        assertFalse(read("[1,2]").recognized());
    }

    @Test
    void userTypeNumbersAndNamesAndUnknownNames() throws IOException {
        MigrationStatus status = read(Fixtures.body("names-hostile")).status();
        var users = status.parseResult().users();
        assertEquals("Guest", users.get(0).userType(), "2 is Guest");
        assertEquals("Collaborator", users.get(1).userType(), "an old name is kept");
        assertEquals("All", users.get(2).userType(), "0 is All");
        assertEquals("User", users.get(3).userType());
    }

    @Test
    void displayNamesAreHtmlDecoded() throws IOException {
        MigrationUser user = read(Fixtures.body("names-hostile")).status().parseResult().users().get(0);
        assertEquals("Sinéad O'Brien & Co <HQ>", user.displayName());
        assertEquals(2048, user.migratingFiles().bytesTotal());
    }

    @Test
    void membersInAnyOrderAndNullAsAbsentAreRead() throws IOException {
        MigrationStatus status = read(Fixtures.envelope(
                "{\"isCompleted\":true,\"progress\":42.5,\"error\":null,\"parseResult\":{\"operation\":\"MIGRATION\","
                        + "\"users\":null,\"failedUsers\":3.0,\"errors\":[\"a\",\"b\"],\"groups\":[{\"groupName\":\"G\"}],"
                        + "\"unknown\":{\"any\":[\"type\",1,true]}}}")).status();
        assertTrue(status.isCompleted());
        assertEquals(42.5, status.progress());
        assertEquals("", status.error());
        assertEquals(Operation.MIGRATION, status.operation());
        assertTrue(status.parseResult().users().isEmpty());
        assertEquals(3, status.parseResult().failedUsers());
        assertEquals(2, status.parseResult().errors().size());
        assertEquals(1, status.parseResult().groups().size());
    }

    /** No coercion: a member of another type than DocSpace writes is refused, naming it, never read as "no failure". */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"isCompleted\":\"true\"                      | isCompleted as a string, where DocSpace writes true or false",
        "\"progress\":\"42\"                           | progress as a string, where DocSpace writes a number",
        "\"error\":{\"message\":\"disk full\"}         | error as an object, where DocSpace writes a string",
        "\"error\":[\"disk full\"]                     | error as a list, where DocSpace writes a string",
        "\"parseResult\":{\"errors\":\"x failed\"}     | parseResult.errors as a string, where DocSpace writes a list",
        "\"parseResult\":{\"errors\":[\"a\",null]}     | parseResult.errors[1] as null, where DocSpace writes a string",
        "\"parseResult\":{\"failedArchives\":\"a.zip\"} | parseResult.failedArchives as a string, where DocSpace writes a list",
        "\"parseResult\":{\"failedUsers\":\"3\"}       | parseResult.failedUsers as a string, where DocSpace writes a whole number",
        "\"parseResult\":{\"failedUsers\":1.5}         | parseResult.failedUsers as a number that is not a whole one (1.5)",
        "\"parseResult\":{\"failedUsers\":-1}          | parseResult.failedUsers as a negative number (-1)",
        "\"parseResult\":{\"users\":[\"ann\"]}         | parseResult.users[0] as a string, where DocSpace writes an object (a user)",
        "\"parseResult\":{\"groups\":{}}               | parseResult.groups as an object, where DocSpace writes a list",
        "\"parseResult\":[]                          | parseResult as a list, where DocSpace writes an object",
        "\"parseResult\":{\"users\":[{\"displayName\":7}]} | parseResult.users[0].displayName as a number, where DocSpace writes a string",
    })
    void aMemberOfTheWrongTypeIsRefused(String member, String message) {
        UnexpectedTypeException e = assertThrows(UnexpectedTypeException.class,
                () -> read(Fixtures.envelope("{\"progress\":100,\"isCompleted\":true," + member + "}")));
        assertTrue(e.getMessage().startsWith("response." + message), e.getMessage());
    }

    @Test
    void aUserRepeatedInAnotherListKeepsWhatThatListSays() throws IOException {
        String alice = "{\"key\":\"a1\",\"email\":\"alice@example.com\",\"displayName\":\"Alice\",\"userType\":\"User\"}";
        String aliceWithoutEmail = "{\"key\":\"a1\",\"displayName\":\"Alice\",\"userType\":\"User\"}";
        var result = read(Fixtures.envelope("{\"isCompleted\":true,\"parseResult\":{\"operation\":\"parse\","
                + "\"users\":[" + alice + "],\"existUsers\":[" + alice + "],\"withoutEmailUsers\":[" + aliceWithoutEmail + "],"
                + "\"groups\":[{\"groupName\":\"G\",\"userUidList\":[\"a1\",\"nobody\"]}]}}")).status().parseResult();
        assertEquals("alice@example.com", result.users().get(0).email());
        assertEquals(result.users().get(0), result.existUsers().get(0));
        assertNull(result.withoutEmailUsers().get(0).email(), "not replaced by the user with the same key");
        assertEquals(java.util.List.of("a1", "nobody"), result.groups().get(0).userUidList());
    }

    @Test
    void countsAreWholeNumbersHoweverTheyAreWritten() throws IOException {
        var users = read(Fixtures.envelope("{\"parseResult\":{\"users\":["
                + "{\"key\":\"a\",\"migratingFiles\":{\"foldersCount\":5.0,\"filesCount\":1e3,\"bytesTotal\":9007199254740993}},"
                + "{\"key\":\"c\",\"userType\":3.0,\"migratingFiles\":null},{\"key\":\"d\",\"userType\":\"3\"}]}}"))
                .status().parseResult().users();
        assertEquals(new dev.migstatus.model.MigratingFiles(5, 1000, 9007199254740993L), users.get(0).migratingFiles());
        assertEquals(new dev.migstatus.model.MigratingFiles(0, 0, 0), users.get(1).migratingFiles());
        assertEquals("DocSpaceAdmin", users.get(1).userType());
        assertEquals("3", users.get(2).userType(), "a string is a name, even \"3\": no string is read as a number");
    }

    @Test
    void truncatedJsonIsASyntaxError() {
        String body = Fixtures.body("migration-running");
        assertThrows(IOException.class, () -> read(body.substring(0, body.length() / 2)));
    }

    @Test
    void deeplyNestedJsonIsRefusedNotAStackOverflow() {
        String deep = "{\"response\":{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}}";
        assertThrows(IOException.class, () -> read(deep));
    }

    @Test
    void trailingGarbageIsASyntaxError() {
        assertThrows(IOException.class, () -> read(Fixtures.body("no-migration") + "{}"));
    }
}
