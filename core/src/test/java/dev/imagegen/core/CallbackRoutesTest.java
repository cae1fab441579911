package dev.imagegen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imagegen.spi.ProviderId;
import org.junit.jupiter.api.Test;

class CallbackRoutesTest {

    @Test
    void puts_provider_and_token_under_the_callbacks_prefix() {
        assertEquals("/callbacks/apixo/Zx9-token", CallbackRoutes.path(ProviderId.of("apixo"), "Zx9-token"));
    }
}
