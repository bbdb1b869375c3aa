package io.marketintel.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketintel.testkit.Conformance.Outcome;
import io.marketintel.testkit.Conformance.Report;
import io.marketintel.testkit.SampleAnalyzer.Fault;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConformanceTest {

    @Test
    void aWellBehavedPluginPassesEveryCheck() {
        Report report = Conformance.check(new SampleAnalyzer());

        assertThat(report.passed()).as(report.toString()).isTrue();
        assertThat(report.plugin()).isEqualTo("sample");
        assertThat(report.checks()).extracting(Conformance.Check::name).contains("descriptor", "kind", "api version",
                "operations", "starts with its default configuration", "invoke [closes] with its defaults",
                "[closes] answers snake_case JSON", "[closes] rejects bad parameters with 400 naming them",
                "[closes] copes with its declared ranges", "[closes] does not block");
        Conformance.assertConforms(new SampleAnalyzer());
    }

    @Test
    void everyDeclaredParameterAndAnUndeclaredOneAreProbed() {
        Report report = Conformance.check(new SampleAnalyzer());

        assertThat(report.check("[closes] rejects bad parameters with 400 naming them").detail())
                .contains("count", "interval", "no_such_parameter");
    }

    @Test
    void camelCaseFieldsFailTheJsonCheck() {
        Report report = Conformance.check(new SampleAnalyzer(Fault.CAMEL_CASE_FIELDS));

        assertThat(outcome(report, "[closes] answers snake_case JSON")).isEqualTo(Outcome.FAIL);
        assertThat(report.check("[closes] answers snake_case JSON").detail()).contains("data.lastClose");
        assertThatThrownBy(() -> Conformance.assertConforms(new SampleAnalyzer(Fault.CAMEL_CASE_FIELDS)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("lastClose");
    }

    @Test
    void anAnswerJsonCannotHoldFailsTheInvocation() {
        Report report = Conformance.check(new SampleAnalyzer(Fault.UNSERIALISABLE));

        assertThat(outcome(report, "invoke [closes] with its defaults")).isEqualTo(Outcome.FAIL);
        assertThat(report.check("invoke [closes] with its defaults").detail()).contains("500");
    }

    @Test
    void aHandlerThatHoldsItsThreadFailsTheBlockingCheck() {
        Report report = Conformance.check(new SampleAnalyzer(Fault.BLOCKS),
                Conformance.Options.defaults().withBlockedThreshold(Duration.ofMillis(SampleAnalyzer.BLOCK_MILLIS / 8)));

        assertThat(outcome(report, "[closes] does not block")).isEqualTo(Outcome.FAIL);
        assertThat(report.check("[closes] does not block").detail()).contains("executeBlocking");
    }

    @Test
    void failingAtTheEndOfADeclaredRangeFailsTheRangeCheck() {
        Report report = Conformance.check(new SampleAnalyzer(Fault.FAILS_AT_RANGE_END));

        assertThat(outcome(report, "invoke [closes] with its defaults")).isEqualTo(Outcome.PASS);
        assertThat(outcome(report, "[closes] copes with its declared ranges")).isEqualTo(Outcome.FAIL);
        assertThat(report.check("[closes] copes with its declared ranges").detail())
                .contains("count=" + SampleAnalyzer.MAX_COUNT).contains("500");
    }

    @Test
    void aDescriptorThatLiesAboutTheKindFailsBeforeAnythingRuns() {
        Report report = Conformance.check(new SampleAnalyzer(Fault.WRONG_KIND));

        assertThat(outcome(report, "kind")).isEqualTo(Outcome.FAIL);
        assertThat(outcome(report, "runs on the simulated market")).isEqualTo(Outcome.SKIP);
    }

    @Test
    void anotherMajorApiVersionFails() {
        Report report = Conformance.check(new SampleAnalyzer(Fault.FUTURE_API));

        assertThat(outcome(report, "api version")).isEqualTo(Outcome.FAIL);
        assertThat(report.check("api version").detail()).contains("2.0").contains("1.0");
    }

    @Test
    void executorsAreInvokedOnThePaperExchange() {
        Report report = Conformance.check(new PaperProbe());

        assertThat(report.passed()).as(report.toString()).isTrue();
        assertThat(report.check("invoke [buy] with its defaults").detail()).contains("200");
        assertThat(report.check("[buy] copes with its declared ranges")).isNull();
    }

    private static Outcome outcome(Report report, String check) {
        Conformance.Check c = report.check(check);
        assertThat(c).as("check [" + check + "] in " + report).isNotNull();
        return c.outcome();
    }
}
