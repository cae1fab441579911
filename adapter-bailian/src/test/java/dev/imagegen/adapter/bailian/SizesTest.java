package dev.imagegen.adapter.bailian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.spi.AspectRatio;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.Resolution;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SizesTest {

    private static final String[] RATIOS = {"1:1", "16:9", "9:16", "4:3", "3:4", "3:2", "2:3", "21:9", "9:21", "5:4",
        "4:5", "2:1", "1:2", "4:1", "1:4", "16:1", "1:16"};

    @Test
    void wan_defaults_to_1024_square_and_sends_it() {
        assertEquals(Optional.of("1024*1024"), Sizes.dashScope(ModelFamily.WAN_T2I, null, null));
        assertEquals(Optional.of("1024*1024"), Sizes.dashScope(ModelFamily.WAN_T2I, AspectRatio.AUTO, null));
        assertEquals(Optional.of("1024*1024"), Sizes.dashScope(ModelFamily.WAN_T2I, ratio("1:1"), Resolution.ONE_K));
    }

    @ParameterizedTest
    @CsvSource({"16:9, 1360*768", "9:16, 768*1360", "4:3, 1184*880", "3:2, 1248*832", "21:9, 1440*624"})
    void wan_text_to_image_sizes_use_an_asterisk_and_keep_the_ratio(String ratio, String size) {
        assertEquals(Optional.of(size), Sizes.dashScope(ModelFamily.WAN_T2I, ratio(ratio), null));
    }

    @Test
    void wan_text_to_image_sizes_stay_within_512_to_1440_and_near_the_ratio() {
        for (String text : RATIOS) {
            AspectRatio ratio = ratio(text);
            int[] wh = sides(Sizes.dashScope(ModelFamily.WAN_T2I, ratio, null).orElseThrow(), "\\*");
            assertTrue(wh[0] >= 512 && wh[0] <= 1440 && wh[1] >= 512 && wh[1] <= 1440, text);
            double reachable = Math.max(512.0 / 1440, Math.min(1440.0 / 512, ratio.ratio()));
            assertEquals(reachable, (double) wh[0] / wh[1], reachable * 0.03, text);
        }
    }

    @Test
    void wan_image_edit_keeps_the_reference_shape_without_a_ratio() {
        assertEquals(Optional.empty(), Sizes.dashScope(ModelFamily.WAN_I2I, null, null));
        assertEquals(Optional.of("1280*1280"), Sizes.dashScope(ModelFamily.WAN_I2I, ratio("1:1"), null));
        assertEquals(Optional.of("1712*960"), Sizes.dashScope(ModelFamily.WAN_I2I, ratio("16:9"), null));
    }

    @Test
    void wan_image_edit_sizes_stay_within_its_pixel_and_ratio_bounds() {
        for (String text : RATIOS) {
            int[] wh = sides(Sizes.dashScope(ModelFamily.WAN_I2I, ratio(text), null).orElseThrow(), "\\*");
            long pixels = (long) wh[0] * wh[1];
            double r = (double) wh[0] / wh[1];
            assertTrue(pixels >= 1280 * 1280 && pixels <= 1440 * 1440, text + " " + pixels);
            assertTrue(r >= 0.25 - 1e-9 && r <= 4 + 1e-9, text);
        }
    }

    @ParameterizedTest
    @CsvSource({"16:9, 1664*928", "4:3, 1472*1104", "1:1, 1328*1328", "3:4, 1104*1472", "9:16, 928*1664",
        "32:18, 1664*928"})
    void qwen_image_uses_its_five_fixed_sizes(String ratio, String size) {
        assertEquals(Optional.of(size), Sizes.dashScope(ModelFamily.QWEN_IMAGE, ratio(ratio), null));
    }

    @Test
    void qwen_image_defaults_to_1328_square() {
        assertEquals(Optional.of("1328*1328"), Sizes.dashScope(ModelFamily.QWEN_IMAGE, null, null));
    }

    @Test
    void qwen_image_refuses_a_ratio_outside_its_five() {
        var e = Fixture.failure(() -> Sizes.dashScope(ModelFamily.QWEN_IMAGE, ratio("21:9"), null));
        assertEquals(ErrorCode.UNSUPPORTED_PARAMETER, e.code());
        assertTrue(e.getMessage().contains("16:9, 4:3, 1:1, 3:4, 9:16"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"WAN_T2I", "WAN_I2I", "QWEN_IMAGE"})
    void dashscope_models_refuse_resolutions_above_1k(String family) {
        var e = Fixture.failure(() -> Sizes.dashScope(ModelFamily.valueOf(family), null, Resolution.TWO_K));
        assertEquals(ErrorCode.UNSUPPORTED_PARAMETER, e.code());
    }

    @ParameterizedTest
    @CsvSource({"SEEDREAM_40, , , 2K", "SEEDREAM_40, 1:1, ONE_K, 1K", "SEEDREAM_40, auto, FOUR_K, 4K",
        "SEEDREAM_45, , TWO_K, 2K", "SEEDREAM_45, 1:1, FOUR_K, 4K"})
    void seedream_sends_a_preset_for_square_or_no_ratio(String family, String ratio, String resolution, String size) {
        assertEquals(size, Sizes.ark(ModelFamily.valueOf(family), ratio == null ? null : ratio(ratio),
                resolution == null ? null : Resolution.valueOf(resolution)));
    }

    @ParameterizedTest
    @CsvSource({"SEEDREAM_40, 16:9, ONE_K, 1360x768", "SEEDREAM_40, 16:9, TWO_K, 2728x1536",
        "SEEDREAM_45, 16:9, TWO_K, 2728x1536", "SEEDREAM_45, 9:16, FOUR_K, 3072x5456",
        "SEEDREAM_40, 21:9, FOUR_K, 6256x2680"})
    void seedream_turns_other_ratios_into_pixels(String family, String ratio, String resolution, String size) {
        assertEquals(size, Sizes.ark(ModelFamily.valueOf(family), ratio(ratio), Resolution.valueOf(resolution)));
    }

    @Test
    void seedream_pixels_stay_within_each_models_bounds() {
        for (String text : RATIOS) {
            for (Resolution resolution : Resolution.values()) {
                for (ModelFamily family : new ModelFamily[] {ModelFamily.SEEDREAM_40, ModelFamily.SEEDREAM_45}) {
                    if (family == ModelFamily.SEEDREAM_45 && resolution == Resolution.ONE_K) {
                        continue;
                    }
                    String size = Sizes.ark(family, ratio(text), resolution);
                    if (size.endsWith("K")) {
                        continue;
                    }
                    int[] wh = sides(size, "x");
                    long pixels = (long) wh[0] * wh[1];
                    long min = family == ModelFamily.SEEDREAM_45 ? 3_686_400 : 921_600;
                    assertTrue(pixels >= min && pixels <= 4096L * 4096, family + " " + text + " " + size);
                    assertEquals(0, wh[0] % 8 + wh[1] % 8, size);
                    assertEquals(ratio(text).ratio(), (double) wh[0] / wh[1], ratio(text).ratio() * 0.03, size);
                }
            }
        }
    }

    @Test
    void seedream_4_5_refuses_1k() {
        var e = Fixture.failure(() -> Sizes.ark(ModelFamily.SEEDREAM_45, null, Resolution.ONE_K));
        assertEquals(ErrorCode.UNSUPPORTED_PARAMETER, e.code());
    }

    private static AspectRatio ratio(String text) {
        return AspectRatio.parse(text.trim());
    }

    private static int[] sides(String size, String separator) {
        String[] parts = size.split(separator);
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }
}
