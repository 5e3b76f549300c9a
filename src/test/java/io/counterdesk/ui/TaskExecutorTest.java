package io.counterdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.shared.BusinessException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskExecutorTest {

    @Test
    void currentThreadExecutorDeliversResultsAtOnce() {
        List<String> seen = new ArrayList<>();
        BackgroundTask.of(() -> "found").onSuccess(seen::add).executeWith(new CurrentThreadTaskExecutor());
        new CurrentThreadTaskExecutor().schedule(Duration.ofMillis(150), () -> seen.add("later"));

        assertThat(seen).containsExactly("found", "later");
    }

    @Test
    void failuresGoToTheFailureHandler() {
        List<Throwable> failures = new ArrayList<>();
        BackgroundTask.of(() -> {
            throw new BusinessException("ui.till.floatRequired");
        }).onSuccess(r -> failures.add(new AssertionError("no result expected"))).onFailure(failures::add)
                .executeWith(new CurrentThreadTaskExecutor());

        assertThat(failures).singleElement().isInstanceOf(BusinessException.class);
        assertThat(UiErrors.text(failures.get(0))).startsWith("请输入备用金金额");
    }

    @Test
    void unexpectedErrorsReadAsASystemErrorWithTheirCause() {
        String text = UiErrors.text(new IllegalStateException("cannot open", new java.io.IOException("disk full")));

        assertThat(text).startsWith("系统错误").contains("cannot open").contains("disk full");
    }

    @Test
    void aCancelledTaskDeliversNothing() {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        List<String> seen = new ArrayList<>();
        Cancellable handle = BackgroundTask.of(() -> "stale").onSuccess(seen::add).executeWith(executor);
        handle.cancel();
        executor.runAll();

        assertThat(seen).isEmpty();
    }
}
