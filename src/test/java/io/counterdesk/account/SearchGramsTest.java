package io.counterdesk.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchGramsTest {

    @ParameterizedTest(name = "\"{0}\" → \"{1}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # typed                       | normalised
            王建国                          | 王建国
            " 王 建国 "                      | 王建国
            幸福小区 3幢 2单元                | 幸福小区3幢2单元
            ＡＢＣ１２３                      | abc123
            Zhang　San                      | zhangsan
            "50% off_now"                   | 50%off_now
            """)
    void normalisesFullWidthCaseAndWhitespace(String typed, String normalised) {
        assertThat(SearchGrams.normalise(typed)).isEqualTo(normalised);
    }

    @Test
    void normalisesNullToEmpty() {
        assertThat(SearchGrams.normalise(null)).isEmpty();
    }

    @Test
    void storedTextIsIndexedByEveryCharacterAndEveryPair() {
        assertThat(SearchGrams.ofStoredText("王建国")).containsExactly("王", "王建", "建", "建国", "国");
    }

    @Test
    void storedTextSlicesRepeatOnlyOnce() {
        assertThat(SearchGrams.ofStoredText("1幢1单元1")).containsExactlyInAnyOrder(
                "1", "1幢", "幢", "幢1", "1单", "单", "单元", "元", "元1");
    }

    @Test
    void storedTextIsNormalisedFirst() {
        assertThat(SearchGrams.ofStoredText(" Ａb ")).containsExactly("a", "ab", "b");
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsOneCharacter() {
        String rare = "\uD842\uDFB7";  // 𠮷, written as a surrogate pair in Java
        assertThat(SearchGrams.ofStoredText("吉" + rare + "祥")).containsExactly(
                "吉", "吉" + rare, rare, rare + "祥", "祥");
        assertThat(SearchGrams.slicesOfQuery(rare)).containsExactly(rare);
        assertThat(SearchGrams.trigramsOfStoredText("吉" + rare + "祥")).containsExactly("吉" + rare + "祥");
    }

    @Test
    void aOneCharacterQueryIsItsOwnSlice() {
        assertThat(SearchGrams.slicesOfQuery(" 建 ")).containsExactly("建");
    }

    @Test
    void aTwoCharacterQueryIsItsOwnSliceALongerOneIsLookedUpByItsTrigrams() {
        assertThat(SearchGrams.slicesOfQuery("建国")).containsExactly("建国");
        assertThat(SearchGrams.slicesOfQuery("王建国")).containsExactly("王建国");
        assertThat(SearchGrams.slicesOfQuery("小区3幢")).containsExactly("小区3", "区3幢");
        assertThat(SearchGrams.slicesOfQuery("2单元1幢")).containsExactly("2单元", "单元1", "元1幢");
    }

    @Test
    void storedTextIsIndexedByEveryThreeAdjacentCharactersToo() {
        assertThat(SearchGrams.trigramsOfStoredText("3幢2单元")).containsExactly("3幢2", "幢2单", "2单元");
        assertThat(SearchGrams.trigramsOfStoredText("王伟")).isEmpty();
    }

    @Test
    void anEmptyOrBlankQueryHasNoSlices() {
        assertThat(SearchGrams.slicesOfQuery("")).isEmpty();
        assertThat(SearchGrams.slicesOfQuery(" \t ")).isEmpty();
        assertThat(SearchGrams.slicesOfQuery(null)).isEmpty();
    }

    @Test
    void everySliceOfAQueryContainedInATextIsAmongTheTextsSlices() {
        String text = "西湖区文三路幸福小区3幢2单元501室";
        java.util.Set<String> stored = SearchGrams.ofStoredText(text);
        stored.addAll(SearchGrams.trigramsOfStoredText(text));
        for (int from = 0; from < text.length(); from++) {
            for (int to = from + 1; to <= text.length(); to++) {
                assertThat(stored).containsAll(SearchGrams.slicesOfQuery(text.substring(from, to)));
            }
        }
    }
}
