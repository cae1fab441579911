package dev.imagegen.core.capability;

import static dev.imagegen.core.Requests.aRequest;
import static dev.imagegen.core.capability.Rules.assertOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imagegen.spi.ModelCapabilities;
import dev.imagegen.spi.OutputFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputFormatRuleTest {

    private static final ModelCapabilities PNG_ONLY = ModelCapabilities.builder().outputFormats(OutputFormat.PNG).build();

    @Test
    void accepts_a_declared_format_or_none() {
        assertEquals(List.of(), Rules.check("output-format", aRequest("m").outputFormat("png").build(), PNG_ONLY));
        assertEquals(List.of(), Rules.check("output-format", aRequest("m").build(), PNG_ONLY));
    }

    @Test
    void refuses_an_undeclared_format() {
        assertOnly(Rules.check("output-format", aRequest("m").outputFormat("jpeg").build(), PNG_ONLY),
                "outputFormat", "jpeg", "png");
    }

    @Test
    void refuses_every_format_for_a_model_that_takes_none_saying_so() {
        assertOnly(Rules.check("output-format", aRequest("m").outputFormat("png").build(),
                ModelCapabilities.builder().build()), "outputFormat", "png",
                "none (this model does not take an output format)");
    }
}
