package gov.planmonitor.indicator.departments;

import gov.planmonitor.support.persistence.CodedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A department of the district government that leads or supports indicators (code, Chinese and English names). */
@Entity
@Table(name = "department")
public class Department extends CodedEntity {
}
