package cn.ola.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** A screening reason stored as a key with arguments, read in either language; a plain text as stored. */
class ReasonsTest {

    static final MessageSource MESSAGES = messages();

    @Test
    void aReasonWithAKeyReadsInEitherLanguageWithNumbersGroupedAndTheExchangeByName() {
        String stored = "screening.cyber.listingAbroad|3200000|exchange.NYSE";

        assertThat(Reasons.render(stored, MESSAGES, Locale.ENGLISH)).isEqualTo("Network platform operator holding "
                + "personal information of 3,200,000 users (more than 1,000,000), listing abroad on New York Stock Exchange: "
                + "a cybersecurity review is mandatory (Cybersecurity Review Measures, Art. 7)");
        assertThat(Reasons.render(stored, MESSAGES, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("掌握 3,200,000 名用户个人信息（超过 1,000,000 名）的网络平台运营者，在纽约证券交易所国外上市："
                        + "必须申报网络安全审查（《网络安全审查办法》第七条）");
    }

    @Test
    void listsOfSharesAndPhrasesReadAsWords() {
        String stored = "screening.listingType.indirect|screening.share.revenue=62.5;screening.share.netAssets=51"
                + "|screening.listingType.basis.managers";

        assertThat(Reasons.render(stored, MESSAGES, Locale.ENGLISH)).startsWith(
                "Offshore issuer whose domestic operations exceed 50% of revenue (62.5%), net assets (51%) and whose senior "
                        + "managers are mostly PRC citizens:");
        assertThat(Reasons.render(stored, MESSAGES, Locale.SIMPLIFIED_CHINESE)).startsWith(
                "境外发行人，境内企业的营业收入（62.5%）、净资产（51%）占比超过 50%，且经营管理的高级管理人员多数为中国公民：");
    }

    @Test
    void industriesDatesAndTypedNamesReadAsGiven() {
        assertThat(Reasons.render("screening.industry.notListed|applications.value.industry.SOFTWARE", MESSAGES,
                Locale.SIMPLIFIED_CHINESE)).startsWith("软件和信息技术服务行业不在");
        assertThat(Reasons.render("screening.stateCloud.contractEndsEarlier|北京市国资委|2022-05-15|2022-03-15", MESSAGES,
                Locale.SIMPLIFIED_CHINESE)).contains("由北京市国资委监管", "2022-05-15 前", "2022-03-15 到期");
        assertThat(Reasons.render("screening.cyber.mainland|Beijing Stock Exchange", MESSAGES, Locale.ENGLISH))
                .isEqualTo("Listing on Beijing Stock Exchange in mainland China is not a listing abroad");
        assertThat(Reasons.render("screening.industry.notListed|", MESSAGES, Locale.ENGLISH))
                .startsWith("Industry not given is not");
    }

    @Test
    void aTextWithoutAKeyIsShownAsStored() {
        String old = "Network platform operator holding personal information of 3200000 users (more than 1,000,000), "
                + "listing abroad on NYSE: a cybersecurity review is mandatory (Cybersecurity Review Measures, Art. 7)";

        assertThat(Reasons.render(old, MESSAGES, Locale.SIMPLIFIED_CHINESE)).isEqualTo(old);
        assertThat(Reasons.render("材料齐全，予以受理。", MESSAGES, Locale.ENGLISH)).isEqualTo("材料齐全，予以受理。");
        assertThat(Reasons.render("screening.unknown.key|1", MESSAGES, Locale.ENGLISH)).isEqualTo("screening.unknown.key|1");
        assertThat(Reasons.render(null, MESSAGES, Locale.ENGLISH)).isNull();
        assertThat(Reasons.keyed("screening of the documents | done")).isFalse();
    }

    private static MessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages-screening", "messages", "messages-applications");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
