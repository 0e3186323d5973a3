package coop.cooperage.payments.control;

import coop.cooperage.money.BankDetails;
import coop.cooperage.platform.control.DataCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seals bank details for storage and opens them to make a payment file, with the AES-256-GCM key
 * in COOP_DATA_KEY (config {@code coop.data-key}). Without a key nothing can be stored: bank
 * details are never kept in the clear, not even for a while.
 *
 * <p>The sealed text is {@code sortCode|accountNumber|name}: the first two are digits only, so
 * splitting at the first two bars is unambiguous whatever the name holds.
 */
@ApplicationScoped
public class BankDetailsVault {

    @Inject
    @ConfigProperty(name = "coop.data-key")
    Optional<String> key;

    private static final Logger LOG = Logger.getLogger(BankDetailsVault.class.getName());

    private volatile DataCipher cipher;

    /** The missing key is logged once, not at every attempt. */
    private final AtomicBoolean missingLogged = new AtomicBoolean();

    public BankDetailsVault() {
    }

    /** For tests without a container. */
    public BankDetailsVault(DataCipher cipher) {
        this.cipher = cipher;
    }

    public byte[] seal(BankDetails details) {
        String plain = details.sortCode() + "|" + details.accountNumber() + "|" + details.accountName();
        return cipher().encrypt(plain).getBytes(StandardCharsets.US_ASCII);
    }

    public BankDetails open(byte[] sealed) {
        String[] parts = cipher().decrypt(new String(sealed, StandardCharsets.US_ASCII)).split("\\|", 3);
        return new BankDetails(parts[0], parts[1], parts[2]);
    }

    private DataCipher cipher() {
        if (cipher == null) {
            String configured = key.filter(k -> !k.isBlank()).orElse(null);
            if (configured == null) {
                if (missingLogged.compareAndSet(false, true)) {
                    LOG.severe("COOP_DATA_KEY (coop.data-key) is not set: bank details cannot be stored or read until it is");
                }
                throw new DataKeyMissingException();
            }
            cipher = new DataCipher(configured);
        }
        return cipher;
    }
}
