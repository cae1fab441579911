package dev.imagegen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.spi.ProviderId;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallbackTokensTest {

    private static final byte[] SECRET = "a group's callback secret".getBytes(StandardCharsets.UTF_8);
    private static final ProviderId APIXO = ProviderId.of("apixo");

    @Test
    void a_token_names_its_task_and_any_holder_of_the_secret_can_check_it() {
        String token = new CallbackTokens(SECRET).token(APIXO, TaskId.of("order-42.hero"));

        assertTrue(token.startsWith("order-42.hero~"), token);
        assertEquals(Optional.of(TaskId.of("order-42.hero")), new CallbackTokens(SECRET.clone()).verify(APIXO, token),
                "another engine (or a restart) with the same secret");
    }

    @Test
    void a_token_is_refused_under_another_secret_another_provider_or_another_task() {
        CallbackTokens tokens = new CallbackTokens(SECRET);
        String token = tokens.token(APIXO, TaskId.of("t-1"));

        assertEquals(Optional.empty(), new CallbackTokens("another secret entirely".getBytes(StandardCharsets.UTF_8))
                .verify(APIXO, token));
        assertEquals(Optional.empty(), tokens.verify(ProviderId.of("xenodia"), token));
        assertEquals(Optional.empty(), tokens.verify(APIXO, "t-2" + token.substring(3)));
    }

    @Test
    void malformed_tokens_are_refused_without_an_error() {
        CallbackTokens tokens = new CallbackTokens(SECRET);
        for (String bad : new String[] {"", "~", "t-1", "t-1~", "~abc", "t 1~abc", "t-1~***", "t-1~abc~def"}) {
            assertEquals(Optional.empty(), tokens.verify(APIXO, bad), bad);
        }
    }

    @Test
    void a_short_secret_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new CallbackTokens(new byte[15]));
    }
}
