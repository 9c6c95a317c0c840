package dev.migstatus.sim;

import com.google.gson.JsonObject;

/** How the portal answers during one frame. */
public sealed interface Answer {

    /** The envelope without {@code response}: the portal runs no migration. */
    record NoMigration() implements Answer {
    }

    /**
     * The whole status object, exactly as the server writes it inside {@code response}.
     *
     * @param generateUsers when above 0, {@code parseResult.users} is filled with this many made-up users
     * @param generatedAs   how the server lists them at that moment
     */
    record Status(JsonObject status, int generateUsers, GeneratedAs generatedAs) implements Answer {
        public Status {
            status = status.deepCopy();
        }

        public Status(JsonObject status, int generateUsers) {
            this(status, generateUsers, GeneratedAs.PARSED);
        }

        @Override
        public JsonObject status() {
            return status.deepCopy();
        }
    }

    /**
     * Changes to the previous frame's status, as a JSON Merge Patch (RFC 7396): members given
     * replace, {@code null} removes one, objects merge, arrays replace, the rest carries over.
     *
     * @param generateUsers as for {@link Status}
     * @param generatedAs   as for {@link Status}
     */
    record Update(JsonObject changes, int generateUsers, GeneratedAs generatedAs) implements Answer {
        public Update {
            changes = changes.deepCopy();
        }

        public Update(JsonObject changes, int generateUsers) {
            this(changes, generateUsers, GeneratedAs.PARSED);
        }

        @Override
        public JsonObject changes() {
            return changes.deepCopy();
        }
    }

    /**
     * The portal, or a proxy in front of it, failing; it fails the same way on every endpoint.
     *
     * @param retryAfterSeconds the {@code Retry-After} of a 429, or null for none
     */
    record Fault(FaultKind kind, Integer retryAfterSeconds) implements Answer {
        public Fault {
            if (retryAfterSeconds != null && (kind != FaultKind.TOO_MANY_REQUESTS || retryAfterSeconds < 0)) {
                throw new IllegalArgumentException("retryAfter goes with fault 429 only, and cannot be negative");
            }
        }
    }
}
