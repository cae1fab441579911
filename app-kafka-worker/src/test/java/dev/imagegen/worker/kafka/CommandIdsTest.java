package dev.imagegen.worker.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandIdsTest {

    @Test
    void an_id_is_added_once_and_its_duplicates_are_refused() {
        CommandIds ids = new CommandIds();
        assertFalse(ids.contains("order-42-hero"));
        assertTrue(ids.add("order-42-hero"));
        assertFalse(ids.add("order-42-hero"));
        assertTrue(ids.contains("order-42-hero"));
        assertEquals(1, ids.size());
    }

    @Test
    void ids_differing_in_one_character_are_different() {
        CommandIds ids = new CommandIds();
        assertTrue(ids.add("order-42-hero"));
        for (String near : List.of("order-43-hero", "order-42-herp", "Order-42-hero", "order-42-hero.", "order-42-her",
                "order_42-hero", "order-42-héro")) {
            assertFalse(ids.contains(near), near);
            assertTrue(ids.add(near), near);
        }
        assertEquals(8, ids.size());
    }

    @Test
    void a_removed_id_is_gone_and_can_come_back() {
        CommandIds ids = new CommandIds();
        ids.add("a");
        ids.add("b");
        assertTrue(ids.remove("a"));
        assertFalse(ids.remove("a"));
        assertFalse(ids.contains("a"));
        assertTrue(ids.contains("b"));
        assertTrue(ids.add("a"));
        assertEquals(2, ids.size());
    }

    @Test
    void removals_keep_every_other_id_reachable() {
        // a small table and many ids: probe runs wrap around and removals shift entries back across the end
        Random random = new Random(7);
        CommandIds ids = new CommandIds();
        Set<String> expected = new HashSet<>();
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            pool.add("cmd-" + i);
        }
        for (int step = 0; step < 200_000; step++) {
            String id = pool.get(random.nextInt(pool.size()));
            if (random.nextInt(3) == 0) {
                assertEquals(expected.remove(id), ids.remove(id), "remove " + id + " at step " + step);
            } else {
                assertEquals(expected.add(id), ids.add(id), "add " + id + " at step " + step);
            }
        }
        assertEquals(expected.size(), ids.size());
        for (String id : pool) {
            assertEquals(expected.contains(id), ids.contains(id), id);
        }
    }

    @Test
    void a_million_ids_are_all_kept_in_at_most_33_bytes_each() {
        CommandIds ids = new CommandIds();
        int n = 1_000_000;
        for (int i = 0; i < n; i++) {
            assertTrue(ids.add("order-" + i + "-hero"));
        }
        assertEquals(n, ids.size());
        for (int i = 0; i < n; i++) {
            assertTrue(ids.contains("order-" + i + "-hero"));
            assertFalse(ids.contains("order-" + i + "-herO"));
        }
        assertFalse(ids.add("order-999999-hero"));
        // 2^21 slots of 16 bytes after the last doubling
        assertTrue(ids.tableBytes() <= 33.6 * n, ids.tableBytes() + " bytes for " + n + " ids");
    }
}
