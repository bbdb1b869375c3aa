package io.marketintel.distribution.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a person sees in the execution view while an execution runs, for whichever order-routing plugin serves. */
final class ExecutionViewAssertions {

    private ExecutionViewAssertions() {
    }

    /**
     * Submits a dry-run TWAP from the view's form (dry run ticked by default) and watches its card: the filled
     * quantity must change several times without a reload (live progress), the average price must show and the
     * chart must hold the progress points.
     *
     * @return the execution's card
     */
    static WebElement submitDryRunTwapAndSeeItProgressLive(Browser b) {
        b.open("#/execution");
        WebElement form = b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("execution-form")));
        WebElement dryRun = form.findElement(By.cssSelector("[data-param=dry_run]"));
        assertThat(dryRun.isSelected()).as("dry run by default").isTrue();
        Browser.setField(form, "symbol", "BTCUSDT");
        Browser.setField(form, "quantity", "0.05");
        if (!form.findElements(By.cssSelector("select[data-param=algorithm]")).isEmpty()) {
            new Select(form.findElement(By.cssSelector("select[data-param=algorithm]"))).selectByVisibleText("TWAP");
        } else {
            Browser.setField(form, "algorithm", "TWAP");
        }
        if (!form.findElements(By.cssSelector("[data-param=duration_seconds]")).isEmpty()) {
            Browser.setField(form, "duration_seconds", "5");
        }
        // The real plugin cuts 5 s into 2 slices by itself: ask for 5, so that the fill moves several times.
        if (!form.findElements(By.cssSelector("[data-param=num_slices]")).isEmpty()) {
            Browser.setField(form, "num_slices", "5");
        }
        form.findElement(By.id("execute")).click();
        WebElement card = b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#executions .execution")));
        Set<String> filledSeen = new LinkedHashSet<>();
        new WebDriverWait(b.driver, Duration.ofSeconds(60)).until(d -> {
            String filled = card.getAttribute("data-filled");
            if (filled != null) {
                filledSeen.add(filled);
            }
            return filledSeen.size() >= 3;
        });
        assertThat(Integer.parseInt(card.getAttribute("data-updates"))).as("progress arrived live").isGreaterThan(2);
        assertThat(card.findElement(By.cssSelector(".avg-price")).getText()).isNotEqualTo("–");
        assertThat(b.seriesSizes(card.findElement(By.cssSelector(".chart")))).first()
                .satisfies(n -> assertThat(n).isGreaterThanOrEqualTo(3L));
        return card;
    }
}
