package dev.imagegen.adapter.bailian;

import dev.imagegen.spi.Secret;

/** Keeps the API key out of any text that leaves the adapter (vendor messages may echo what they were sent). */
final class Redactor {

    private final Secret key;

    Redactor(Secret key) {
        this.key = key;
    }

    String redact(String text) {
        return text == null ? null : text.replace(key.reveal(), "[secret]");
    }
}
