package dev.imagegen.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ObjectNamesTest {

    @Test
    void a_plain_lower_case_task_id_names_its_directory_as_it_is() {
        assertEquals("cmd-42/0", ObjectNames.stem("cmd-42", 0));
        assertEquals("0f8fad5b-d9cb-469f-a165-70867728950e/3",
                ObjectNames.stem("0f8fad5b-d9cb-469f-a165-70867728950e", 3));
    }

    @Test
    void path_traversal_and_hidden_names_are_escaped_away() {
        String part = ObjectNames.taskPart("../../etc/.passwd");

        assertEquals("_2E_2E_2F_2E_2E_2Fetc_2F_2Epasswd", part);
        assertFalse(part.contains("/") || part.contains(".") || part.contains("\\"));
    }

    @Test
    void upper_and_lower_case_ids_stay_apart_on_case_insensitive_filesystems() {
        assertEquals("_41bc", ObjectNames.taskPart("Abc"));
        assertNotEquals(ObjectNames.taskPart("Abc").toLowerCase(), ObjectNames.taskPart("abc").toLowerCase());
    }

    @Test
    void an_id_that_looks_like_an_escape_does_not_clash_with_the_escaped_character() {
        assertEquals("_41", ObjectNames.taskPart("A"));
        assertEquals("_5F41", ObjectNames.taskPart("_41"));
    }

    @Test
    void characters_beyond_ascii_are_escaped_as_utf16_units() {
        assertEquals("h_u00E9llo", ObjectNames.taskPart("héllo"));
        assertNotEquals(ObjectNames.taskPart("\uD800x"), ObjectNames.taskPart("\uDC00x"));
    }

    @Test
    void a_long_id_is_shortened_with_a_hash_and_stays_distinct() {
        String a = "X".repeat(255) + "a";
        String b = "X".repeat(255) + "b";

        String partA = ObjectNames.taskPart(a);
        assertTrue(partA.length() <= ObjectNames.MAX_PART, partA);
        assertTrue(partA.matches("(_58){32}~[0-9a-f]{16}"), partA);
        assertNotEquals(partA, ObjectNames.taskPart(b));
        assertEquals(partA, ObjectNames.taskPart(a));
    }

    @Test
    void random_ids_never_share_a_name() {
        Random random = new Random(12);
        String alphabet = "aA_-.~/%0b\u00e9";
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder id = new StringBuilder();
            int length = 1 + random.nextInt(i % 10 == 0 ? 256 : 8);
            for (int j = 0; j < length; j++) {
                id.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String name = ObjectNames.taskPart(id.toString());
            String earlier = seen.putIfAbsent(name, id.toString());
            assertTrue(earlier == null || earlier.equals(id.toString()), id + " and " + earlier + " -> " + name);
            assertTrue(name.matches("[a-z0-9_A-F~u-]+"), name);
        }
    }

    @Test
    void refuses_an_empty_or_too_long_task_id_and_a_negative_index() {
        assertThrows(IllegalArgumentException.class, () -> ObjectNames.stem("", 0));
        assertThrows(IllegalArgumentException.class, () -> ObjectNames.stem("a".repeat(257), 0));
        assertThrows(IllegalArgumentException.class, () -> ObjectNames.stem("a", -1));
    }
}
