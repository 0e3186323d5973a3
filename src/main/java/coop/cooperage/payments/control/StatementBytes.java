package coop.cooperage.payments.control;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;

/** Turns an uploaded file into text, refusing bytes that are not in the expected encoding. */
final class StatementBytes {

    private StatementBytes() {
    }

    /**
     * Decodes strictly. Replacing bad bytes with '?' would quietly change descriptions, and so
     * fingerprints, between two uploads of the same statement saved in different encodings.
     */
    static String decode(byte[] content, Charset charset) {
        if (content == null || content.length == 0) {
            throw new StatementFormatException("The file is empty");
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new StatementFormatException("The file is not " + charset.displayName()
                    + " text; check that it is the statement file and that the right format was chosen");
        }
    }
}
