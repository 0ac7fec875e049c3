package gov.planmonitor.support.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * A row known to clients by a unique code, with its Chinese and English names, and to the database by a generated id
 * (departments, project categories, lists, projects): the columns are the same in every table that has this shape.
 */
@MappedSuperclass
public abstract class CodedEntity extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String code;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en", nullable = false)
    public String nameEn;
}
