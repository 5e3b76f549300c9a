package io.counterdesk.account.opening;

/** The residential building types of the installation fee (第十条(三)): 多层, 高层, 别墅. */
public enum BuildingType {
    MULTI_STOREY,
    HIGH_RISE,
    VILLA
}
