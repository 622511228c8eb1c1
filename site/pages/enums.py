"""Lifecycle states and kinds, as editors name them."""

from django.db import models


class ProjectStage(models.TextChoices):
    CALL = "call", "项目征集"
    REVIEW = "review", "路演评审"
    PUBLICITY = "publicity", "立项公示"
    IMPLEMENTATION = "implementation", "项目实施"
    EVALUATION = "evaluation", "项目评估"
    RESULT = "result", "评估结果公示"

    @property
    def position(self):
        return list(type(self)).index(self)


class ParticipantKind(models.TextChoices):
    VOLUNTEERS = "volunteers", "志愿者队伍"
    COMMUNITY_GROUP = "community_group", "社区社会组织"
    RESIDENT_GROUP = "resident_group", "居民自组织"
    ENTERPRISE = "enterprise", "辖区企业"
    OTHER = "other", "其他力量"


class PolicyLevel(models.TextChoices):
    CENTRAL = "central", "中央"
    PROVINCIAL = "provincial", "省级"
    MUNICIPAL = "municipal", "市级"
    DISTRICT = "district", "区级"


class PolicyStatus(models.TextChoices):
    VALID = "valid", "现行有效"
    AMENDED = "amended", "已修订"
    REPEALED = "repealed", "已废止"


class NoticeKind(models.TextChoices):
    CALL = "call", "项目征集公告"
    APPROVAL_PUBLICITY = "approval_publicity", "立项公示"
    EVALUATION_PUBLICITY = "evaluation_publicity", "评估结果公示"
    LIST_PUBLICITY = "list_publicity", "红黑榜公示"
    NEWS = "news", "工作动态"

    @classmethod
    def publicity_kinds(cls):
        return {cls.APPROVAL_PUBLICITY, cls.EVALUATION_PUBLICITY, cls.LIST_PUBLICITY}


class StationLevel(models.TextChoices):
    DISTRICT = "district", "区级社会工作指导中心"
    STREET = "street", "街道（乡镇）社会工作服务站"
    COMMUNITY = "community", "社区（村）社会工作服务点"
