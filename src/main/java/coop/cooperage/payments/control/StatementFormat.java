package coop.cooperage.payments.control;

import coop.cooperage.payments.entity.Statement;

/**
 * A bank statement file format. One implementation per format family; the user says which
 * format a file is in (guessing from content is how a file gets read with its columns swapped).
 */
public sealed interface StatementFormat permits CoopBankTextFormat, CsvFormat, OfxFormat {

    /**
     * Reads a whole statement file.
     *
     * @param content    the file's bytes; each format knows its own character encoding
     * @param accountKey Cooperage's identifier for the bank account being imported into, used in
     *                   line fingerprints (see {@link StatementFingerprints})
     * @throws StatementFormatException naming the line, when the file is not in this format
     */
    Statement parse(byte[] content, String accountKey);
}
