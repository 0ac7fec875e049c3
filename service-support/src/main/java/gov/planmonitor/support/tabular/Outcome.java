package gov.planmonitor.support.tabular;

/** What an upsert did; imports count these to show that importing the same file twice changes nothing. */
public enum Outcome { CREATED, UPDATED, UNCHANGED }
