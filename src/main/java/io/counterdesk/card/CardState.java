package io.counterdesk.card;

/**
 * What a card is for. A user card (用户卡) buys gas; an opening card (开户卡) carries the first
 * purchase of a new account to its meter; a transfer card (转移卡) moves the account data and the
 * remaining gas from a replaced meter to the new one; a cleared card (已清卡) holds no gas any more
 * (old card found again after a reissue, or reversed) and is refused for purchases.
 */
public enum CardState {
    OPENING,
    USER,
    TRANSFER,
    CLEARED
}
