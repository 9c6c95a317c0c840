package dev.migstatus.cli;

/** {@code --color}: auto colours a terminal unless NO_COLOR is set; always and never decide alone. */
public enum ColorMode {
    AUTO, ALWAYS, NEVER;

    static final class Converter extends LowercaseEnumConverter<ColorMode> {
        Converter() {
            super(ColorMode.class);
        }
    }

    static final class Candidates extends LowercaseEnumConverter.Candidates<ColorMode> {
        Candidates() {
            super(ColorMode.class);
        }
    }
}
