"""The StreamField blocks editors compose page bodies from."""

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="文件")
    title = blocks.CharBlock(label="链接文字", required=False)

    class Meta:
        icon = "doc-full"
        label = "文件链接"
        template = "blocks/document_link.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label="小标题", form_classname="title", template="blocks/heading.html")
    paragraph = blocks.RichTextBlock(
        label="正文", features=["bold", "italic", "ol", "ul", "link", "document-link", "h3", "h4", "hr"]
    )
    image = ImageBlock(label="图片")
    table = TableBlock(label="表格", template="blocks/table.html")
    document = DocumentLinkBlock()
