package io.counterdesk.sync;

/**
 * Where the terminal's upload stands, for the status bar: 已上传 (nothing pending), 待上传 N, or
 * 上传失败 with the last reason. {@code enrolled} is false until {@code sync enrol} ran.
 */
public record SyncStatus(boolean enrolled, int pending, String lastError, boolean sending) {

    public boolean failed() {
        return lastError != null && pending > 0;
    }
}
