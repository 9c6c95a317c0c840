package dev.migstatus.testing;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON Schemas the README publishes (docs/schema), loaded together so that their references resolve. */
public final class Schemas {

    private Schemas() {
    }

    /** @param name a file of docs/schema, such as {@code report.schema.json} */
    public static Schema of(String name) throws IOException {
        Map<String, String> schemas = new LinkedHashMap<>();
        for (String file : List.of("report.schema.json", "event.schema.json", "fleet.schema.json")) {
            schemas.put("https://migstatus.dev/schema/" + file, Files.readString(Path.of("docs/schema", file)));
        }
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(schemas));
        return registry.getSchema(SchemaLocation.of("https://migstatus.dev/schema/" + name));
    }
}
