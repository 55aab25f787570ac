"""The marketplace's own downloadable templates, as sellers fill them in:
``Qoo10_EditItemList.xlsx`` (49 columns; 50 in the newer one with ``start_date``) and
``Qoo10_EditItemPriceQtyList.xlsx`` (6 columns). Their keys (row 1) are sellergate's;
their Japanese labels (row 2) differ from sellergate's own template in most columns
(the label of the 50-column template's ``start_date`` is not known), and their guidance
(row 4) is long text. Taken from the facts of the real files
(shared/bulk/marketplace-templates.md); the reader recognises these rows by their
content, as it does sellergate's own.
"""

from __future__ import annotations

#: Row 2 of the marketplace's templates, by key (a line break inside some labels).
LABELS: dict[str, str] = {
    "item_number": "商品番号",
    "seller_unique_item_id": "販売者商品コード",
    "category_number": "カテゴリ",
    "brand_number": "ブランド",
    "item_name": "商品名",
    "item_promotion_name": "広告文",
    "item_status_Y/N/D": "販売ステータス",
    "end_date": "販売終了日",
    "price_yen": "販売価格",
    "retail_price_yen": "参考価格",
    "taxrate": "消費税率",
    "quantity": "在庫数量",
    "option_info": "オプション",
    "additional_option_info": "追加型オプション(選択)",
    "additional_option_text": "追加型オプション(直接入力)",
    "image_main_url": "メイン画像",
    "image_other_url": "追加画像",
    "video_url": "動画",
    "image_option_info": "オプションの画像",
    "image_additional_option_info": "追加型オプションの画像",
    "header_html": "ヘッダー",
    "footer_html": "フッター",
    "item_description": "商品詳細",
    "Shipping_number": "送料",
    "option_number": "オプション送料",
    "available_shipping_date": "発送可能日",
    "desired_shipping_date": "お届け希望日",
    "search_keyword": "検索ワード",
    "item_condition_type": "商品状態",
    "origin_type": "原産地",
    "origin_region_id": "原産地\n_地域名",
    "origin_country_id": "原産地\n_国名",
    "origin_others": "原産地\n_その他",
    "medication_type": "医薬品分類",
    "item_weight": "重量",
    "item_material": "素材",
    "model_name": "モデル名",
    "external_product_type": "商品識別コード",
    "external_product_id": "商品識別コード_コード",
    "manufacture_date": "製造日",
    "expiration_date_type": "有効期間",
    "expiration_date_MFD": "有効期間_期間1",
    "expiration_date_PAO": "有効期間_期間2",
    "expiration_date_EXP": "有効期間__日付",
    "under18s_display_Y/N": "18歳未満制限",
    "A/S_info": "アフターサービス情報",
    "buy_limit_type": "購入数量制限",
    "buy_limit_date": "購入数量制限_期間",
    "buy_limit_qty": "購入数量制限_数量",
    "edit_type": "区分",
    "seller_unique_option_id": "販売者オプションコード",
    "Price": "価格",
}

#: What is known of the item template's example product (row 5). A row is that example
#: only when every one of these cells holds exactly this: a seller's own product
#: written over row 5 changes at least one of them.
EXAMPLE: dict[str, str] = {
    "item_status_Y/N/D": "Y",
    "end_date": "2050-12-31",
    "available_shipping_date": "3",
    "item_condition_type": "1",
    "origin_type": "1",
}


#: What only a MOVE (fashion) listing has, by the guide's names (SetNewMoveGoods),
#: compared without case, spaces, "_" or "-": the marketplace's separate MOVE template
#: is not published, so a file is taken for one when its header names two of these.
#: MOVE listings are registered through the API; item/ files hold normal items only.
MOVE_MARKERS = frozenset(
    {
        "optiontype",
        "optionmainimage",
        "optionsubimage",
        "optionqty",
        "stylenumber",
        "tponumber",
        "seasontype",
        "itemseriesname",
        "washinginfowashing",
        "washinginfostretch",
        "washinginfofit",
        "sizetabletype1",
    }
)


def is_move_header(header: list[str]) -> bool:
    names = {"".join(ch for ch in cell.lower() if ch.isalnum()) for cell in header}
    return len(names & MOVE_MARKERS) >= 2
