package dev.migstatus.docspace;

/** java.net.http does not expose the reason phrase; messages read better with one. */
final class HttpStatusText {

    private HttpStatusText() {
    }

    static String of(int code) {
        String reason = switch (code) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 402 -> "Payment Required";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 410 -> "Gone";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
        return reason.isEmpty() ? "HTTP " + code : code + " " + reason;
    }
}
