package dev.migstatus.render.report;

import dev.migstatus.model.MigrationStatus;
import dev.migstatus.model.MigrationUser;
import dev.migstatus.model.Operation;
import dev.migstatus.model.ParseResult;
import dev.migstatus.model.UserFailures;
import dev.migstatus.text.SafeText;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code --junit FILE}: the outcome as a JUnit XML report, which CI servers show as tests.
 * One case for the operation (failed on a fatal error or when the watch did not see it end), one
 * per user of a migration (failed when an {@code errors[]} entry names the user's key or e-mail),
 * one per other error and per failed archive, and one for failed users no error names.
 * When the exit code is 0 the failure policy tolerated what failed: those cases are skipped, with
 * the message, so the report never contradicts the exit code.
 */
public final class JunitReport {

    private JunitReport() {
    }

    /** A test case: its group, its name, and the failure message, or null when it passed. */
    private record Case(String group, String name, String failure) {
    }

    /** @throws IOException when the report cannot be written, such as on a full disk */
    public static void write(Writer out, FinalReport report) throws IOException {
        write(out, List.of(report));
    }

    /** A fleet's report: one {@code <testsuite>} per portal, named after it. */
    public static void write(Writer out, List<FinalReport> reports) throws IOException {
        List<List<Case>> suites = new ArrayList<>();
        long tests = 0;
        long failures = 0;
        long millis = 0;
        for (FinalReport report : reports) {
            List<Case> cases = cases(report);
            suites.add(cases);
            tests += cases.size();
            failures += report.ok() ? 0 : failing(cases);
            millis = Math.max(millis, report.elapsed().toMillis());
        }
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "migstatus");
            xml.writeAttribute("tests", Long.toString(tests));
            xml.writeAttribute("failures", Long.toString(failures));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("time", seconds(millis));
            for (int i = 0; i < reports.size(); i++) {
                suite(xml, reports.get(i), suites.get(i));
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    private static void suite(XMLStreamWriter xml, FinalReport report, List<Case> cases) throws XMLStreamException {
        boolean tolerated = report.ok();
        long failures = tolerated ? 0 : failing(cases);
        long skipped = tolerated ? failing(cases) : 0;
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", "DocSpace migration on " + text(report.host()));
        xml.writeAttribute("tests", Integer.toString(cases.size()));
        xml.writeAttribute("failures", Long.toString(failures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", Long.toString(skipped));
        xml.writeAttribute("time", seconds(report.elapsed().toMillis()));
        for (Case c : cases) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", "migstatus." + c.group());
            xml.writeAttribute("name", text(c.name()));
            if (c.failure() != null && tolerated) {
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", "tolerated: " + text(c.failure()));
            } else if (c.failure() != null) {
                xml.writeStartElement("failure");
                xml.writeAttribute("message", text(c.failure()));
                xml.writeAttribute("type", c.group());
                xml.writeCharacters(text(c.failure()));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static long failing(List<Case> cases) {
        return cases.stream().filter(c -> c.failure() != null).count();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    private static List<Case> cases(FinalReport report) {
        List<Case> cases = new ArrayList<>();
        MigrationStatus status = report.status();
        String operation = status == null || status.operation() == null ? "migration" : status.operation().wireName();
        // The operation fails on its own fatal error, or with the watch's message when the watch never saw it end.
        String fatal = status != null && status.failed() ? status.error()
                : status == null || !status.isCompleted() ? report.message() : null;
        cases.add(new Case("operation", operation + " (" + report.code().outcome() + ")", fatal));
        if (status == null) {
            return cases;
        }
        ParseResult result = status.parseResult();
        UserFailures failures = UserFailures.of(result);
        if (status.operation() == Operation.MIGRATION) {
            for (MigrationUser user : UserFailures.distinct(result)) {
                cases.add(new Case("users", label(user), failures.of(user)));
            }
            long unnamed = failures.unnamed();
            if (unnamed > 0) {
                cases.add(new Case("users", "users no error names",
                        unnamed + (unnamed == 1 ? " user" : " users") + " failed without an error naming them"));
            }
        }
        for (String error : failures.others()) {
            cases.add(new Case("errors", error, error));
        }
        for (String archive : result.failedArchives()) {
            cases.add(new Case("archives", archive, "the archive could not be read: " + archive));
        }
        if (!report.ok() && cases.stream().allMatch(c -> c.failure() == null)) {
            // e.g. a parse that found nobody: the operation case carries why the exit code is not 0.
            cases.set(0, new Case("operation", cases.get(0).name(), report.message()));
        }
        return cases;
    }

    private static String label(MigrationUser user) {
        return user.email() == null ? user.name() : user.name() + " <" + user.email() + ">";
    }

    /**
     * XML 1.0 cannot carry most control characters, lone surrogates, U+FFFE or U+FFFF at all, and a CI
     * server rejects the whole report over one of them: they are shown escaped, as everywhere else
     * (SafeText does all but the two noncharacters, which a terminal shows harmlessly).
     */
    private static String text(String s) {
        return s == null ? "" : SafeText.line(s).replace("\uFFFE", "\\ufffe").replace("\uFFFF", "\\uffff");
    }
}
