package dev.migstatus.docspace;

/**
 * The portal and the credential, resolved from options and environment.
 *
 * @param keySource where the key came from, for messages ("--key-file", "MIGSTATUS_KEY", …)
 */
public record Connection(PortalUrl portal, Credential credential, String keySource) {
}
