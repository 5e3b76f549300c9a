package io.counterdesk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SearchIndexRepositorySlotTest {

    @Test
    void keepsASlicesBlocksTogetherInBlockOrder() {
        assertThat(SearchIndexRepository.slot("建", 0)).isLessThan(SearchIndexRepository.slot("建", 1));
        assertThat(SearchIndexRepository.slot("建", SearchIndexRepository.MAX_BLOCK)).isLessThan(SearchIndexRepository.slot("建国", 0));
        assertThat(SearchIndexRepository.slot("建国", SearchIndexRepository.MAX_BLOCK)).isLessThan(SearchIndexRepository.slot("建图", 0));
        assertThat(SearchIndexRepository.slot("建国", 976) - SearchIndexRepository.slot("建国", 0)).isEqualTo(976);
    }

    @Test
    void givesEverySliceAndBlockItsOwnPositiveKey() {
        String rare = "\uD842\uDFB7";  // 𠮷
        assertThat(SearchIndexRepository.slot(rare + rare, SearchIndexRepository.MAX_BLOCK)).isPositive();
        assertThat(SearchIndexRepository.slot(rare, 3)).isNotEqualTo(SearchIndexRepository.slot(rare + "a", 3));
        assertThat(SearchIndexRepository.slot("a", 3)).isNotEqualTo(SearchIndexRepository.slot("b", 3));
    }

    @Test
    void refusesWhatIsNotASliceOrABlock() {
        assertThatThrownBy(() -> SearchIndexRepository.slot("abc", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SearchIndexRepository.slot("\u0000", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SearchIndexRepository.slot("a", SearchIndexRepository.MAX_BLOCK + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SearchIndexRepository.slot("a", -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
