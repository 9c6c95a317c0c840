package dev.migstatus.docspace;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * A status object as {@code -o json} prints it (the {@code status} member of the report), copied
 * from the answer as UTF-8 without a model in between: byte for byte what
 * {@code render.report.StatusJson} writes from the model of the same answer, before the output's
 * own redaction. A 100,000-user status is about the size of the answer.
 */
public final class StatusJsonText {

    private final List<ByteChunks> pieces;

    StatusJsonText(List<ByteChunks> pieces) {
        this.pieces = List.copyOf(pieces);
    }

    public void writeTo(OutputStream out) throws IOException {
        for (ByteChunks piece : pieces) {
            piece.writeTo(out);
        }
    }

    public long size() {
        long size = 0;
        for (ByteChunks piece : pieces) {
            size += piece.size();
        }
        return size;
    }
}
