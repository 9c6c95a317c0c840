package dev.migstatus.outcome;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FleetExitCodeTest {

    @Test
    void theMostSevereCodeWins() {
        assertEquals(0, FleetExitCode.of(List.of(0, 0, 0)));
        assertEquals(4, FleetExitCode.of(List.of(0, 4, 0)), "a portal with nothing running is worth telling");
        assertEquals(1, FleetExitCode.of(List.of(0, 9, 1, 4)), "failed users outrank a portal still running");
        assertEquals(10, FleetExitCode.of(List.of(1, 10)), "a stall outranks completed-with-failures");
        assertEquals(124, FleetExitCode.of(List.of(10, 124, 0)));
        assertEquals(7, FleetExitCode.of(List.of(124, 7)), "a portal down outranks one that timed out");
        assertEquals(3, FleetExitCode.of(List.of(7, 3, 1)), "a failed migration outranks a portal down");
        assertEquals(8, FleetExitCode.of(List.of(3, 8)), "not DocSpace at all: fix the address first");
        assertEquals(6, FleetExitCode.of(List.of(8, 6)));
        assertEquals(5, FleetExitCode.of(List.of(6, 5, 8)), "a rejected key first among the set-up errors");
        assertEquals(2, FleetExitCode.of(List.of(5, 2)));
        assertEquals(70, FleetExitCode.of(List.of(2, 70, 0)), "a bug in migstatus above everything");
    }

    @Test
    void aStoppedFleetExits130WhateverItsPortalsSaid() {
        assertEquals(130, FleetExitCode.of(List.of(0, 130, 3)));
        assertEquals(130, FleetExitCode.of(List.of(70, 130)));
    }

    @Test
    void everyCodeHasItsPlaceOrIsRefused() {
        for (int i = 0; i < FleetExitCode.ORDER.size(); i++) {
            int code = FleetExitCode.ORDER.get(i);
            assertEquals(code, FleetExitCode.of(List.of(code, FleetExitCode.ORDER.get(FleetExitCode.ORDER.size() - 1))));
        }
        for (ExitCode code : ExitCode.values()) {
            // These end the whole run, not one portal's watch.
            if (code != ExitCode.INTERRUPTED && code != ExitCode.OUTPUT_CLOSED && code != ExitCode.WRITE_FAILED) {
                assertTrue(FleetExitCode.ORDER.contains(code.code()), code + " has no place in the fleet order");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> FleetExitCode.of(List.of(0, 42)));
        assertThrows(IllegalArgumentException.class, () -> FleetExitCode.of(List.of()));
    }
}
