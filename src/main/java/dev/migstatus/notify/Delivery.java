package dev.migstatus.notify;

/**
 * How a webhook post went.
 *
 * @param attempts how many requests were made
 * @param problem  null when delivered; else why the last attempt failed, naming only the receiver's origin
 */
public record Delivery(boolean delivered, int attempts, String problem) {
}
