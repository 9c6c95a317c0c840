package dev.migstatus;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** On Windows, colours and the live line only where the console says it understands escape codes. */
class SystemTerminalTest {

    @Test
    void anOldWindowsConsoleGetsPlainLines() {
        assertTrue(SystemTerminal.showsEscapesAsText("Windows 10", Map.of()));
        assertTrue(SystemTerminal.showsEscapesAsText("Windows Server 2019", Map.of("ConEmuANSI", "OFF")));
    }

    @Test
    void windowsTerminalConEmuVsCodeAndMinttyGetTheLiveLine() {
        assertFalse(SystemTerminal.showsEscapesAsText("Windows 11", Map.of("WT_SESSION", "0b6a6b3c-5e3a-4c8e-9d57-1f4b5a0e1c2d")));
        assertFalse(SystemTerminal.showsEscapesAsText("Windows 10", Map.of("ConEmuANSI", "ON")));
        assertFalse(SystemTerminal.showsEscapesAsText("Windows 10", Map.of("TERM_PROGRAM", "vscode")));
        assertFalse(SystemTerminal.showsEscapesAsText("Windows 10", Map.of("TERM", "xterm-256color")));
    }

    @Test
    void elsewhereTheTerminalAloneDecides() {
        assertFalse(SystemTerminal.showsEscapesAsText("Linux", Map.of()));
        assertFalse(SystemTerminal.showsEscapesAsText("Mac OS X", Map.of()));
    }
}
