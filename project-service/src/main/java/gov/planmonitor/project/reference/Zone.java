package gov.planmonitor.project.reference;

import gov.planmonitor.support.persistence.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A functional zone of the plan's 一核三带四区 layout. */
@Entity
@Table(name = "zone")
public class Zone extends Audited {

    @Id
    public String code;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public int seq;
}
