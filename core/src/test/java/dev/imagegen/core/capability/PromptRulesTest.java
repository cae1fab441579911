package dev.imagegen.core.capability;

import static dev.imagegen.core.Requests.aRequest;
import static dev.imagegen.core.capability.Rules.assertOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imagegen.spi.ModelCapabilities;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptRulesTest {

    private static final ModelCapabilities SHORT_PROMPTS =
            ModelCapabilities.builder().maxPromptLength(10).negativePrompt(5).build();
    private static final ModelCapabilities NO_NEGATIVE = ModelCapabilities.builder().maxPromptLength(10).build();

    @Test
    void accepts_a_prompt_up_to_the_limit() {
        assertEquals(List.of(), Rules.check("prompt-length", aRequest("m").prompt("x".repeat(10)).build(),
                SHORT_PROMPTS));
    }

    @Test
    void refuses_a_longer_prompt_naming_its_length_and_the_limit() {
        assertOnly(Rules.check("prompt-length", aRequest("m").prompt("x".repeat(11)).build(), SHORT_PROMPTS),
                "prompt", "11 characters", "at most 10 characters");
    }

    @Test
    void counts_prompt_length_in_utf16_units() {
        assertEquals(List.of(), Rules.check("prompt-length", aRequest("m").prompt("灯塔".repeat(5)).build(),
                SHORT_PROMPTS));
    }

    @Test
    void accepts_a_negative_prompt_up_to_the_limit_where_supported() {
        assertEquals(List.of(), Rules.check("negative-prompt", aRequest("m").negativePrompt("blurr").build(),
                SHORT_PROMPTS));
        assertEquals(List.of(), Rules.check("negative-prompt", aRequest("m").build(), NO_NEGATIVE));
    }

    @Test
    void refuses_a_longer_negative_prompt() {
        assertOnly(Rules.check("negative-prompt", aRequest("m").negativePrompt("blurry").build(), SHORT_PROMPTS),
                "negativePrompt", "6 characters", "at most 5 characters");
    }

    @Test
    void refuses_a_negative_prompt_where_unsupported_without_echoing_it() {
        assertOnly(Rules.check("negative-prompt", aRequest("m").negativePrompt("blurry").build(), NO_NEGATIVE),
                "negativePrompt", "(set)", "none (this model does not take a negative prompt)");
    }
}
