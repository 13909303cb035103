package org.hotline.organization;

/** What a gazetteer place is. Towns, street offices and parks are the areas of territorial units. */
public enum PlaceKind {
    /** 镇 (and 乡): a rural town, the area of a territorial unit. */
    TOWN,
    /** 街道办事处: an urban street office, the area of a territorial unit. */
    STREET_OFFICE,
    /** 园区: an industrial or development park run as its own territorial unit. */
    PARK,
    /** 社区: an urban residents' community under a street office or town. */
    COMMUNITY,
    /** 村: a village under a town or street office. */
    VILLAGE,
    /** 道路: a road; it may cross several areas, so it names the unit usually responsible. */
    ROAD
}
