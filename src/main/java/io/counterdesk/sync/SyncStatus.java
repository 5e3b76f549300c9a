package io.counterdesk.sync;

/**
 * Where the terminal's upload stands, for the status bar: 已上传 (nothing pending), 待上传 N, 上传中 n%
 * while a batch goes ({@code percent}: how much of it head office holds, -1 when not sending), or
 * 上传失败 with the last reason. {@code enrolled} is false until {@code sync enrol} ran.
 */
public record SyncStatus(boolean enrolled, int pending, String lastError, boolean sending, int percent) {

    public SyncStatus(boolean enrolled, int pending, String lastError, boolean sending) {
        this(enrolled, pending, lastError, sending, -1);
    }

    public boolean failed() {
        return lastError != null && pending > 0;
    }
}
