package gov.planmonitor.project.reference;

import gov.planmonitor.support.persistence.CodedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A project category such as 重大民生工程 (major people's livelihood projects). */
@Entity
@Table(name = "category")
public class Category extends CodedEntity {

    @Column(nullable = false)
    public int seq;
}
