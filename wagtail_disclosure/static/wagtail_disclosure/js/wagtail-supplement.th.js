// Made by scripts/update-translation.sh from wagtail_supplement_js.po: do not edit.
(function () {
  if (!window.django || !window.django.catalog) return;
  var supplement = {
"%(num)s error": [
"ข้อผิดพลาด %(num)s รายการ"
],
"%(num)s min": [
"%(num)s นาที"
],
"%(num)s pixel": [
"%(num)s พิกเซล"
],
"%(time_zone_option)s: %(localized_time_zone_label)s": "%(time_zone_option)s: %(localized_time_zone_label)s",
"(%(number)s new items in this menu)": "(มีรายการใหม่ %(number)s รายการในเมนูนี้)",
"(1 new item in this menu)": "(มีรายการใหม่ 1 รายการในเมนูนี้)",
"(New)": "(ใหม่)",
"A network error occurred.": "เกิดข้อผิดพลาดของเครือข่าย",
"A server error occurred.": "เกิดข้อผิดพลาดที่เซิร์ฟเวอร์",
"Actions": "การดำเนินการ",
"Add a comment": "เพิ่มความคิดเห็น",
"Are you sure?": "ยืนยันหรือไม่",
"Autosave in progress…": "กำลังบันทึกอัตโนมัติ…",
"Blocks": "บล็อก",
"Broken link": "ลิงก์เสีย",
"Cancel": "ยกเลิก",
"Changes have been autosaved.": "บันทึกการเปลี่ยนแปลงอัตโนมัติแล้ว",
"Character count:": "จำนวนตัวอักษร:",
"Comment": "แสดงความคิดเห็น",
"Complex": "ซับซ้อน",
"Decorative image": "ภาพตกแต่ง",
"Delete error": "ลบไม่สำเร็จ",
"Deleting": "กำลังลบ",
"Enter your comments...": "พิมพ์ความคิดเห็นของท่าน...",
"Enter your reply...": "พิมพ์คำตอบของท่าน...",
"Error while sending preview data.": "เกิดข้อผิดพลาดขณะส่งข้อมูลเพื่อแสดงตัวอย่าง",
"Fair": "พอใช้",
"Focus comment": "ไปที่ความคิดเห็น",
"Good": "ดี",
"Insert a block": "แทรกบล็อก",
"Main menu": "เมนูหลัก",
"Missing document": "ไม่พบเอกสาร",
"More actions": "การดำเนินการเพิ่มเติม",
"No": "ไม่ใช่",
"Page explorer": "ตัวสำรวจหน้า",
"Pin toolbar": "ปักหมุดแถบเครื่องมือ",
"Reply": "ตอบกลับ",
"Report this error to your website administrator with the following information:": "โปรดแจ้งข้อผิดพลาดนี้แก่ผู้ดูแลเว็บไซต์พร้อมข้อมูลต่อไปนี้:",
"Resolve": "ปิดประเด็น",
"Retry": "ลองอีกครั้ง",
"Save error": "บันทึกไม่สำเร็จ",
"Saving...": "กำลังบันทึก...",
"Split block": "แยกบล็อก",
"Toggle section": "เปิด/ปิดส่วนนี้",
"Toggle side panel": "เปิด/ปิดแผงด้านข้าง",
"Toggle sidebar": "เปิด/ปิดแถบด้านข้าง",
"Unfocus comment": "ออกจากความคิดเห็น",
"Unpin toolbar": "เลิกปักหมุดแถบเครื่องมือ",
"View child pages of '%(title)s'": "ดูหน้าย่อยของ '%(title)s'",
"Write something or type ‘/’ to insert a block": "พิมพ์ข้อความ หรือพิมพ์ ‘/’ เพื่อแทรกบล็อก",
"Yes": "ใช่"
};
  for (var message in supplement) {
    if (!(message in window.django.catalog)) window.django.catalog[message] = supplement[message];
  }
})();
