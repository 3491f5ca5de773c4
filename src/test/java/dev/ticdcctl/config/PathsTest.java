package dev.ticdcctl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathsTest {
    /** Variables as NAME=value pairs separated by spaces; "-" for none. */
    private static Paths paths(String variables) {
        Map<String, String> env = new HashMap<>();
        if (!variables.equals("-")) {
            for (String pair : variables.split(" ")) {
                String[] parts = pair.split("=", 2);
                env.put(parts[0], parts[1]);
            }
        }
        return new Paths(env, "/jvm-home");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            -                                              | /jvm-home/.config/ticdcctl/config.toml
            HOME=/h                                        | /h/.config/ticdcctl/config.toml
            HOME=                                          | /jvm-home/.config/ticdcctl/config.toml
            HOME=/h XDG_CONFIG_HOME=/x                     | /x/ticdcctl/config.toml
            HOME=/h XDG_CONFIG_HOME=/x TICDCCTL_CONFIG=/c  | /c
            HOME=/h XDG_CONFIG_HOME=                       | /h/.config/ticdcctl/config.toml
            """)
    void the_contexts_file_is_the_first_variable_set(String variables, String expected) {
        assertEquals(expected, paths(variables).configFile(null).toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            -                 | /jvm-home/.ticdc/credentials
            HOME=/h           | /h/.ticdc/credentials
            """)
    void ticdc_credentials_are_under_the_same_home(String variables, String expected) {
        assertEquals(expected, paths(variables).ticdcCredentials().toString());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            -                                            | /jvm-home/.local/state/ticdcctl/sandbox
            HOME=/h                                      | /h/.local/state/ticdcctl/sandbox
            HOME=/h XDG_STATE_HOME=/s                    | /s/ticdcctl/sandbox
            HOME=/h XDG_STATE_HOME=/s TICDCCTL_SANDBOX_DIR=/d | /d
            """)
    void the_sandbox_directory_follows_the_same_home_as_the_contexts_file(String variables, String expected) {
        assertEquals(expected, paths(variables).sandboxDirectory().toString());
    }

    @Test
    void the_config_file_flag_wins_over_every_variable() {
        assertEquals("/f", paths("HOME=/h TICDCCTL_CONFIG=/c XDG_CONFIG_HOME=/x").configFile("/f").toString());
    }
}
