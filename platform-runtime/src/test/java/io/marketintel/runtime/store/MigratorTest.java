package io.marketintel.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketintel.api.Migration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigratorTest {

    @Test
    void splitsOnSemicolonsAtLineEndsOnly() {
        String sql = "CREATE TABLE a (s VARCHAR(10) DEFAULT 'x;y');  \r\n"
                + "INSERT INTO a VALUES ('1;2');\n"
                + "\n"
                + "-- a comment on its own;\n"
                + "INSERT INTO a\n  VALUES ('3')";

        assertThat(Migrator.split(sql)).containsExactly(
                "CREATE TABLE a (s VARCHAR(10) DEFAULT 'x;y')",
                "INSERT INTO a VALUES ('1;2')",
                "INSERT INTO a\n  VALUES ('3')");
    }

    @Test
    void semicolonInsideALineDoesNotSplit() {
        assertThat(Migrator.split("SELECT 1; SELECT 2")).containsExactly("SELECT 1; SELECT 2");
    }

    @Test
    void checksumIgnoresLineEndingsAndTrailingWhitespaceButNotContent() {
        String sql = "CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\n";

        assertThat(Migrator.checksum(sql)).hasSize(64)
                .isEqualTo(Migrator.checksum("CREATE TABLE a (id INT);  \r\nCREATE TABLE b (id INT);"))
                .isNotEqualTo(Migrator.checksum(sql.replace("b", "c")));
    }

    @Test
    void validateRefusesNullListAndNullEntries() {
        assertThatThrownBy(() -> Migrator.validate("journal", null)).hasMessageContaining("[journal]");
        assertThatThrownBy(() -> Migrator.validate("journal", Arrays.asList(new Migration(1, "a", "x"), null)))
                .hasMessageContaining("migration #2 of [journal] is null");
        Migrator.validate("journal", List.of());
    }
}
