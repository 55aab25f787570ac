"""The marketplace's two bulk templates, column by column: one table that the parser,
the validator, the result file and the downloadable templates all read.

Item register/modify (``Qoo10_EditItemList``): row 1 the keys, row 2 Japanese labels,
row 3 必須入力/選択入力/条件付き必須入力, row 4 guidance, row 5 an example, then data.
Price/stock (``Qoo10_EditItemPriceQtyList``): the same five rows over six columns.
"""

from __future__ import annotations

from dataclasses import dataclass

from sellergate.bulk import cells
from sellergate.catalog.models import ItemStatus

REQUIRED = "必須入力"
OPTIONAL = "選択入力"
CONDITIONAL = "条件付き必須入力"
REQUIREMENTS = (REQUIRED, OPTIONAL, CONDITIONAL)


@dataclass(frozen=True)
class Column:
    key: str  # row 1, as the marketplace names it
    label: str  # row 2
    requirement: str  # row 3
    guidance: str  # row 4
    example: str  # row 5
    read: cells.Reader | None = None  # None: the row's identity, handled by the processor
    # In the downloadable template (49 columns, as the marketplace's classic one); a
    # column outside it is still read when a file has it (the 50-column template's).
    in_template: bool = True


STATUS = {"Y": ItemStatus.ON_SALE, "N": ItemStatus.WAITING, "D": ItemStatus.DISCONTINUED}
TAX = {"S": "S", "10": "10", "8": "8", "0": "0"}
CODE_TYPES = {"JAN": "J", "KAN": "K", "ISBN": "I", "UPC": "U", "EAN": "E", "HS": "H"}
YES_NO = {"Y": True, "N": False}

ITEM_COLUMNS: tuple[Column, ...] = (
    Column(
        "item_number", "商品コード", CONDITIONAL, "空欄は新規登録、商品コードを入力すると修正", ""
    ),
    Column(
        "seller_unique_item_id",
        "販売者商品コード",
        REQUIRED,
        "販売者が管理する商品コード。100文字以内、重複不可",
        "MUG-001",
        cells.text("seller_code", 100),
    ),
    Column(
        "category_number",
        "カテゴリ番号",
        CONDITIONAL,
        "新規登録は必須。小カテゴリの番号",
        "300000001",
        cells.text("category", 20),
    ),
    Column(
        "brand_number",
        "ブランド番号",
        OPTIONAL,
        "ブランド検索で確認した番号",
        "",
        cells.text("brand", 20),
    ),
    Column(
        "item_name",
        "商品名",
        CONDITIONAL,
        "新規登録は必須。100文字以内",
        "波佐見焼 マグカップ 藍",
        cells.text("title", 100),
    ),
    Column(
        "item_promotion_name",
        "広告文",
        OPTIONAL,
        "20文字以内",
        "手仕事の器",
        cells.text("promotion_name", 20),
    ),
    Column(
        "item_status_Y/N/D",
        "販売状態",
        OPTIONAL,
        "Y：販売中、N：販売停止、D：削除",
        "Y",
        cells.choice("status", STATUS),
    ),
    Column(
        "start_date",
        "販売開始日",
        OPTIONAL,
        "YYYY-MM-DD または YYYY-MM-DD hh:mm（00分・30分）",
        "",
        cells.start_date,
        in_template=False,
    ),
    Column(
        "end_date", "販売終了日", OPTIONAL, "YYYY-MM-DD", "2030-12-31", cells.date("sale_ends_on")
    ),
    Column(
        "price_yen",
        "販売価格",
        CONDITIONAL,
        "新規登録は必須。円、整数",
        "1800",
        cells.whole("price", 1),
    ),
    Column(
        "retail_price_yen", "参考価格", OPTIONAL, "円、整数", "2200", cells.whole("retail_price")
    ),
    Column("taxrate", "税率", OPTIONAL, "空欄、S、10、8、0", "10", cells.choice("tax_rate", TAX)),
    Column(
        "quantity",
        "在庫数",
        CONDITIONAL,
        "新規登録は必須。0〜999999",
        "24",
        cells.whole("quantity", 0, 999_999),
    ),
    Column(
        "option_info",
        "オプション情報",
        OPTIONAL,
        "名1||*選択肢1||*名2||*選択肢2||*価格||*在庫||*オプションコード を $$ で区切る",
        "色||*藍||*||*||*0||*12||*MUG-001-AI",
        cells.options,
    ),
    Column(
        "additional_option_info",
        "追加オプション",
        OPTIONAL,
        "",
        "",
        cells.additional_options,
    ),
    Column(
        "additional_option_text",
        "追加オプション（テキスト）",
        OPTIONAL,
        "",
        "",
        cells.kept("additional_option_text"),
    ),
    Column(
        "image_main_url",
        "メイン画像",
        CONDITIONAL,
        "http(s)のURL、またはFTPの images/ に置いたファイル名",
        "mug-001.jpg",
        cells.text("image_main", 500),
    ),
    Column(
        "image_other_url",
        "追加画像",
        OPTIONAL,
        "50件まで $$ で区切る",
        "",
        cells.joined("images_other", 50, 500),
    ),
    Column("video_url", "動画URL", OPTIONAL, "", "", cells.text("video_url", 500)),
    Column(
        "image_option_info", "オプション画像", OPTIONAL, "", "", cells.kept("image_option_info")
    ),
    Column(
        "image_additional_option_info",
        "追加オプション画像",
        OPTIONAL,
        "",
        "",
        cells.kept("image_additional_option_info"),
    ),
    Column("header_html", "ヘッダーHTML", OPTIONAL, "", "", cells.kept("header_html", 40000)),
    Column("footer_html", "フッターHTML", OPTIONAL, "", "", cells.kept("footer_html", 40000)),
    Column(
        "item_description",
        "商品説明",
        OPTIONAL,
        "HTML可",
        "<p>手作りのマグカップです。</p>",
        cells.text("description", 40000),
    ),
    Column(
        "Shipping_number",
        "送料コード",
        OPTIONAL,
        "送料グループ番号。0または空欄は送料無料",
        "1",
        cells.whole("shipping_no", 0, 10_000_000),
    ),
    Column("option_number", "オプションコード", OPTIONAL, "", "", cells.kept("option_number")),
    Column(
        "available_shipping_date",
        "発送可能日",
        OPTIONAL,
        "1〜3（日）、hh:mm（当日発送の締め時刻）、4〜14（受注生産の日数）、YYYY-MM-DD（発売日）",
        "2",
        cells.available_shipping_date,
    ),
    Column(
        "desired_shipping_date",
        "お届け希望日",
        OPTIONAL,
        "3〜20",
        "",
        cells.kept("desired_shipping_date"),
    ),
    Column(
        "search_keyword",
        "検索キーワード",
        OPTIONAL,
        "10個まで $$ で区切る",
        "マグ$$和食器",
        cells.joined("keywords", 10, 30),
    ),
    Column(
        "item_condition_type",
        "商品の状態",
        OPTIONAL,
        "1〜7",
        "1",
        cells.kept("item_condition_type"),
    ),
    Column(
        "origin_type",
        "原産地の種類",
        OPTIONAL,
        "1：国内、2：海外、3：その他",
        "1",
        cells.choice("origin_type", {"1": "1", "2": "2", "3": "3"}),
    ),
    Column("origin_region_id", "原産地（地域）", OPTIONAL, "", "", cells.text("origin", 100)),
    Column("origin_country_id", "原産地（国）", OPTIONAL, "", "", cells.kept("origin_country_id")),
    Column("origin_others", "原産地（その他）", OPTIONAL, "", "", cells.kept("origin_others")),
    Column("medication_type", "医薬品の種類", OPTIONAL, "", "", cells.kept("medication_type")),
    Column("item_weight", "重量", OPTIONAL, "kg", "0.35", cells.decimal_kg),
    Column("item_material", "素材", OPTIONAL, "", "磁器", cells.text("material", 200)),
    Column("model_name", "モデル名", OPTIONAL, "", "AI-01", cells.text("model_name", 100)),
    Column(
        "external_product_type",
        "商品コードの種類",
        OPTIONAL,
        "JAN/KAN/ISBN/UPC/EAN/HS",
        "",
        cells.choice("industrial_code_type", CODE_TYPES),
    ),
    Column(
        "external_product_id",
        "商品コード（JAN等）",
        OPTIONAL,
        "",
        "",
        cells.text("industrial_code", 30),
    ),
    Column(
        "manufacture_date", "製造日", OPTIONAL, "YYYY-MM-DD", "", cells.date("manufacture_date")
    ),
    Column(
        "expiration_date_type",
        "有効期限の種類",
        OPTIONAL,
        "",
        "",
        cells.kept("expiration_date_type"),
    ),
    Column(
        "expiration_date_MFD", "製造日から", OPTIONAL, "", "", cells.kept("expiration_date_MFD")
    ),
    Column("expiration_date_PAO", "開封後", OPTIONAL, "", "", cells.kept("expiration_date_PAO")),
    Column("expiration_date_EXP", "有効期限", OPTIONAL, "", "", cells.kept("expiration_date_EXP")),
    Column(
        "under18s_display_Y/N",
        "成人向け商品",
        OPTIONAL,
        "Y：18歳未満には表示しない",
        "N",
        cells.choice("adult", YES_NO),
    ),
    Column("A/S_info", "アフターサービス情報", OPTIONAL, "", "", cells.text("contact_info", 200)),
    Column("buy_limit_type", "購入制限の種類", OPTIONAL, "", "", cells.kept("buy_limit_type")),
    Column("buy_limit_date", "購入制限の期間", OPTIONAL, "", "", cells.kept("buy_limit_date")),
    Column("buy_limit_qty", "購入制限数", OPTIONAL, "", "", cells.kept("buy_limit_qty")),
)

#: Required when an item is registered (item_number empty); a modification needs only
#: the item's identity and what changes.
NEW_ITEM_REQUIRED = (
    "seller_unique_item_id",
    "category_number",
    "item_name",
    "price_yen",
    "quantity",
)

EDIT_TYPES = {"g": "item", "i": "option"}

PRICE_QTY_COLUMNS: tuple[Column, ...] = (
    Column(
        "item_number",
        "商品コード",
        CONDITIONAL,
        "商品コードか販売者商品コードのどちらか",
        "100000001",
    ),
    Column(
        "seller_unique_item_id",
        "販売者商品コード",
        CONDITIONAL,
        "商品コードか販売者商品コードのどちらか",
        "MUG-001",
    ),
    Column(
        "edit_type",
        "修正対象",
        REQUIRED,
        "g：商品、i：オプション",
        "g",
        cells.choice("edit_type", EDIT_TYPES),
    ),
    Column(
        "seller_unique_option_id",
        "オプションコード",
        CONDITIONAL,
        "修正対象が i のとき必須",
        "",
        cells.text("option_code", 100),
    ),
    Column("Price", "販売価格", OPTIONAL, "空欄は変更なし", "1650", cells.whole("price", 0)),
    Column(
        "quantity", "在庫数", OPTIONAL, "空欄は変更なし", "12", cells.whole("quantity", 0, 999_999)
    ),
)

TEMPLATES = {"item": ITEM_COLUMNS, "inventory": PRICE_QTY_COLUMNS}
TEMPLATE_NAMES = {"item": "Qoo10_EditItemList", "inventory": "Qoo10_EditItemPriceQtyList"}
