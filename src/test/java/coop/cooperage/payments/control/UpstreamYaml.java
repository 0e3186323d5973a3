package coop.cooperage.payments.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the expected-parse YAML files of the tiredpixel bank-account-statement samples (Ruby
 * symbol keys: {@code :bank:}, {@code :transactions:}). Only that fixed shape, so no YAML
 * library is needed.
 */
record UpstreamYaml(String bankId, String accountId, String accountType, String currency,
        List<Transaction> transactions, LocalDate balanceDate, String balanceAmount) {

    record Transaction(LocalDate postedAt, String type, String name, String amount) {
    }

    static UpstreamYaml read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("Cannot read " + file, e);
        }
        String section = "";
        String bankId = null;
        String accountId = null;
        String accountType = null;
        String currency = null;
        LocalDate balanceDate = null;
        String balanceAmount = null;
        List<Transaction> transactions = new ArrayList<>();
        LocalDate postedAt = null;
        String type = null;
        String name = null;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("---")) {
                continue;
            }
            if (!line.startsWith(" ") && !line.startsWith("-")) {
                section = key(line);
                if (section.equals("currency")) {
                    currency = value(line);
                }
                continue;
            }
            String key = key(line.replaceFirst("^-", " ").strip());
            String value = value(line);
            switch (section) {
                case "bank" -> bankId = key.equals("id") ? value : bankId;
                case "account" -> {
                    if (key.equals("id")) {
                        accountId = value;
                    } else if (key.equals("type")) {
                        accountType = value;
                    }
                }
                case "transactions" -> {
                    switch (key) {
                        case "posted_at" -> postedAt = LocalDate.parse(value);
                        case "type" -> type = value;
                        case "name" -> name = value;
                        case "amount" -> transactions.add(new Transaction(postedAt, type, name, value));
                        default -> throw new AssertionError("Unexpected key " + key + " in " + file);
                    }
                }
                case "balance" -> {
                    if (key.equals("balanced_at")) {
                        balanceDate = LocalDate.parse(value);
                    } else if (key.equals("amount")) {
                        balanceAmount = value;
                    }
                }
                default -> throw new AssertionError("Unexpected section " + section + " in " + file);
            }
        }
        return new UpstreamYaml(bankId, accountId, accountType, currency, transactions, balanceDate, balanceAmount);
    }

    private static String key(String line) {
        String s = line.strip();
        return s.substring(1, s.indexOf(':', 1));
    }

    private static String value(String line) {
        String s = line.strip().replaceFirst("^- ", "");
        String v = s.substring(s.indexOf(':', 1) + 1).strip();
        if (v.startsWith("\"") && v.endsWith("\"")) {
            return v.substring(1, v.length() - 1);
        }
        return v.startsWith(":") ? v.substring(1) : v;
    }
}
