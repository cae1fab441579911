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
        assertTrue(ids.add("order-42-hero", CommandIds.IN_FLIGHT));
        assertFalse(ids.add("order-42-hero", CommandIds.IN_FLIGHT));
        assertTrue(ids.contains("order-42-hero"));
        assertEquals(1, ids.size());
    }

    @Test
    void ids_differing_in_one_character_are_different() {
        CommandIds ids = new CommandIds();
        assertTrue(ids.add("order-42-hero", CommandIds.IN_FLIGHT));
        for (String near : List.of("order-43-hero", "order-42-herp", "Order-42-hero", "order-42-hero.", "order-42-her",
                "order_42-hero", "order-42-héro")) {
            assertFalse(ids.contains(near), near);
            assertTrue(ids.add(near, CommandIds.IN_FLIGHT), near);
        }
        assertEquals(8, ids.size());
    }

    @Test
    void a_removed_id_is_gone_and_can_come_back() {
        CommandIds ids = new CommandIds();
        ids.add("a", CommandIds.IN_FLIGHT);
        ids.add("b", CommandIds.IN_FLIGHT);
        assertTrue(ids.remove("a"));
        assertFalse(ids.remove("a"));
        assertFalse(ids.contains("a"));
        assertTrue(ids.contains("b"));
        assertTrue(ids.add("a", CommandIds.IN_FLIGHT));
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
                assertEquals(expected.add(id), ids.add(id, CommandIds.IN_FLIGHT), "add " + id + " at step " + step);
            }
        }
        assertEquals(expected.size(), ids.size());
        for (String id : pool) {
            assertEquals(expected.contains(id), ids.contains(id), id);
        }
    }

    @Test
    void a_million_ids_are_all_kept_in_at_most_42_bytes_each() {
        CommandIds ids = new CommandIds();
        int n = 1_000_000;
        for (int i = 0; i < n; i++) {
            assertTrue(ids.add("order-" + i + "-hero", CommandIds.IN_FLIGHT));
        }
        assertEquals(n, ids.size());
        for (int i = 0; i < n; i++) {
            assertTrue(ids.contains("order-" + i + "-hero"));
            assertFalse(ids.contains("order-" + i + "-herO"));
        }
        assertFalse(ids.add("order-999999-hero", CommandIds.IN_FLIGHT));
        // 2^21 slots of 20 bytes (fingerprint and stamp) after the last doubling
        assertTrue(ids.tableBytes() <= 42 * n, ids.tableBytes() + " bytes for " + n + " ids");
    }

    @Test
    void ids_finished_before_a_minute_are_forgotten_and_the_rest_stay() {
        CommandIds ids = new CommandIds();
        for (int i = 0; i < 1000; i++) {
            ids.add("old-" + i, 100);
            ids.add("new-" + i, 200);
            ids.add("running-" + i, CommandIds.IN_FLIGHT);
        }
        ids.stamp("running-0", 150);

        assertEquals(1001, ids.forgetFinishedBefore(151));

        assertEquals(1999, ids.size());
        for (int i = 0; i < 1000; i++) {
            assertFalse(ids.contains("old-" + i));
            assertTrue(ids.contains("new-" + i));
        }
        assertFalse(ids.contains("running-0"), "it finished at minute 150");
        assertTrue(ids.contains("running-1"), "in flight: never forgotten");
        assertEquals(0, ids.forgetFinishedBefore(151), "nothing more to forget");
        assertTrue(ids.add("old-1", 300), "a forgotten id can come again");
    }

    @Test
    void a_stamp_moves_with_its_id_when_neighbours_are_removed() {
        CommandIds ids = new CommandIds();
        for (int i = 0; i < 12; i++) {
            ids.add("id-" + i, i);
        }
        for (int i = 0; i < 12; i += 2) {
            ids.remove("id-" + i);
        }
        assertEquals(3, ids.forgetFinishedBefore(6), "ids 1, 3 and 5 finished before minute 6");
        for (int i = 7; i < 12; i += 2) {
            assertTrue(ids.contains("id-" + i));
        }
    }

    @Test
    void a_minute_is_the_instant_s_minute_since_the_epoch() {
        assertEquals(0, CommandIds.minute(java.time.Instant.EPOCH.plusSeconds(59)));
        assertEquals(1, CommandIds.minute(java.time.Instant.EPOCH.plusSeconds(60)));
    }
}
